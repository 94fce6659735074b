// From a JSON-stat dataset's metadata to indicator values: which dimension is the region, the
// period and the content code; which cells to keep; and the rows to write. Pure.
import { parsePeriod, type PeriodFrequency } from '../indicators/periods.js';
import { JsonStatError, type JsonStatMeta, type JsonStatResult, type Localised, type Selection } from './jsonstat.js';

/**
 * Drammen's municipality number by year: 3005 (2020–2023) and 3301 (from 2024), per
 * ../shared/docs/reference-facts.md; 0602 (old Drammen) before 2020, as the lead's brief states.
 * A value under the number valid for its year is the municipality's own (region NULL).
 */
export function ownMunicipalityCode(year: number): string {
  if (year < 2020) return '0602';
  if (year <= 2023) return '3005';
  return '3301';
}
export const ownMunicipalityCodes = ['0602', '3005', '3301'] as const;
export const isOwnCode = (code: string) => (ownMunicipalityCodes as readonly string[]).includes(code);

export interface MappingInput {
  frequency: PeriodFrequency;
  /** The ContentsCode to read (the request's, else the indicator's); null: the file must have one. */
  contentsCode: string | null;
  /** The indicator's SSB table, when set: a file from another table is refused. */
  ssbTable: string | null;
  /** Region codes the user asked for (besides the own municipality); null: every region in the file. */
  regions: string[] | null;
  today: string;
}

export interface Plan {
  selection: Selection;
  regionDim: number;
  timeDim: number;
  /** Per time category: the period text. */
  periods: string[];
  contentsCode: string | null;
}

export interface ValueRow {
  region: string | null;
  period: string;
  value: number;
}

const msg = (nb: string, en: string): Localised => ({ nb, en });
const list = (items: string[], max = 8) => items.slice(0, max).join(', ') + (items.length > max ? ` … (${items.length})` : '');

/** SSB's time codes: '2024' (year), '2024M05' (month), '2024T2' (tertial, if ever); else as written. */
export function periodFromSsb(code: string): string {
  const month = /^(\d{4})M(\d{2})$/.exec(code);
  if (month) return `${month[1]}-${month[2]}`;
  const tertial = /^(\d{4})T(\d)$/.exec(code);
  if (tertial) return `${tertial[1]}-T${tertial[2]}`;
  return code;
}

function findDimension(meta: JsonStatMeta, role: string[], names: RegExp): number {
  for (const id of role) {
    const k = meta.ids.indexOf(id);
    if (k >= 0) return k;
  }
  return meta.ids.findIndex((id) => names.test(id));
}

/** Decides which cells to read, or refuses the file with a message. */
export function planImport(meta: JsonStatMeta, input: MappingInput): Plan {
  if (input.ssbTable && meta.tableId && meta.tableId !== input.ssbTable) {
    throw new JsonStatError(
      msg(
        `Filen er fra SSB-tabell ${meta.tableId}, men indikatoren hentes fra tabell ${input.ssbTable}.`,
        `The file is from SSB table ${meta.tableId}, but the indicator comes from table ${input.ssbTable}.`,
      ),
    );
  }
  const regionDim = findDimension(meta, meta.role.geo, /^(Region|KOKkommuneregion\d*|.*region.*)$/i);
  const timeDim = findDimension(meta, meta.role.time, /^(Tid|Time|year|år)$/i);
  const contentsDim = findDimension(meta, meta.role.metric, /^ContentsCode$/i);
  if (regionDim < 0)
    throw new JsonStatError(
      msg('Filen har ingen regiondimensjon (for eksempel «Region»).', 'The file has no region dimension (such as "Region").'),
    );
  if (timeDim < 0) throw new JsonStatError(msg('Filen har ingen tidsdimensjon («Tid»).', 'The file has no time dimension ("Tid").'));

  const selection: Selection = meta.sizes.map((size) => new Uint8Array(size).fill(1));
  let contentsCode: string | null = null;
  if (contentsDim >= 0) {
    const dim = meta.dimensions[contentsDim]!;
    if (input.contentsCode) {
      const k = dim.codes.indexOf(input.contentsCode);
      if (k < 0) {
        throw new JsonStatError(
          msg(
            `Filen har ikke statistikkvariabelen «${input.contentsCode}». Den har: ${list(dim.codes)}.`,
            `The file does not have the statistics variable "${input.contentsCode}". It has: ${list(dim.codes)}.`,
          ),
        );
      }
      selection[contentsDim]!.fill(0);
      selection[contentsDim]![k] = 1;
      contentsCode = input.contentsCode;
    } else if (dim.codes.length === 1) contentsCode = dim.codes[0]!;
    else {
      throw new JsonStatError(
        msg(
          `Filen har flere statistikkvariabler (${list(dim.codes)}); velg hvilken som hører til indikatoren.`,
          `The file has several statistics variables (${list(dim.codes)}); choose the one that belongs to the indicator.`,
        ),
      );
    }
  } else if (input.contentsCode) {
    throw new JsonStatError(
      msg(
        `Filen har ingen statistikkvariabel («ContentsCode»); indikatoren krever «${input.contentsCode}».`,
        `The file has no statistics variable ("ContentsCode"); the indicator needs "${input.contentsCode}".`,
      ),
    );
  }
  meta.dimensions.forEach((dim, k) => {
    if (k !== regionDim && k !== timeDim && k !== contentsDim && dim.codes.length > 1) {
      throw new JsonStatError(
        msg(
          `Dimensjonen «${dim.label}» har ${dim.codes.length} verdier. Last ned filen med bare én verdi for den.`,
          `The dimension "${dim.label}" has ${dim.codes.length} categories. Download the file with only one of them.`,
        ),
      );
    }
  });

  // Periods: every one in the file must exist and fit the indicator's frequency.
  const timeCodes = meta.dimensions[timeDim]!.codes;
  const periods: string[] = [];
  const badPeriods: string[] = [];
  let firstProblem: Localised | null = null;
  for (const code of timeCodes) {
    const result = parsePeriod(periodFromSsb(code), input.frequency, input.today);
    if (result.ok) periods.push(result.period.text);
    else {
      periods.push('');
      badPeriods.push(code);
      firstProblem ??= result.message;
    }
  }
  if (firstProblem) {
    throw new JsonStatError(
      msg(
        `Filen har perioder som ikke passer indikatoren (${list(badPeriods)}): ${firstProblem.nb}`,
        `The file has periods that do not fit the indicator (${list(badPeriods)}): ${firstProblem.en}`,
      ),
    );
  }

  // Regions: the own municipality (by the number valid each year) and the ones asked for.
  const regionCodes = meta.dimensions[regionDim]!.codes;
  const bad = regionCodes.filter((code) => !/^[A-Za-z0-9_.-]{1,40}$/.test(code));
  if (bad.length > 0)
    throw new JsonStatError(msg(`Filen har ugyldige regionkoder: ${list(bad)}.`, `The file has invalid region codes: ${list(bad)}.`));
  const years = periods.map((p) => Number(p.slice(0, 4)));
  const hasOwn = regionCodes.some((code) => years.some((year) => ownMunicipalityCode(year) === code));
  const wanted = input.regions ? new Set(input.regions) : null;
  const hasWanted = wanted ? regionCodes.some((code) => wanted.has(code)) : false;
  if (!hasOwn && !hasWanted) {
    const asked = input.regions && input.regions.length > 0 ? ` eller ${list(input.regions)}` : '';
    const askedEn = input.regions && input.regions.length > 0 ? ` or ${list(input.regions)}` : '';
    throw new JsonStatError(
      msg(
        `Filen gjelder ikke Drammen: den har verken kommunenummeret for årene i filen (${[...new Set(years.map(ownMunicipalityCode))].join(', ')})${asked}. Regionene i filen: ${list(regionCodes)}.`,
        `The file is not about Drammen: it has neither the municipality number for its years (${[...new Set(years.map(ownMunicipalityCode))].join(', ')})${askedEn}. Regions in the file: ${list(regionCodes)}.`,
      ),
    );
  }
  if (wanted) regionCodes.forEach((code, k) => (selection[regionDim]![k] = wanted.has(code) || isOwnCode(code) ? 1 : 0));
  return { selection, regionDim, timeDim, periods, contentsCode };
}

/** The rows to write, and the regions (with labels) and periods they cover. */
export function rowsOf(
  result: JsonStatResult,
  plan: Plan,
): { rows: ValueRow[]; regions: { code: string; label: string }[]; periods: string[] } {
  const { meta } = result;
  const strides: number[] = new Array<number>(meta.sizes.length);
  let stride = 1;
  for (let k = meta.sizes.length - 1; k >= 0; k -= 1) {
    strides[k] = stride;
    stride *= meta.sizes[k]!;
  }
  const regionDim = meta.dimensions[plan.regionDim]!;
  const rows: ValueRow[] = [];
  const regionsUsed = new Set<string>();
  const periodsUsed = new Set<string>();
  for (let i = 0; i < result.keptCount; i += 1) {
    const index = result.keptIndex[i]!;
    const code = regionDim.codes[Math.floor(index / strides[plan.regionDim]!) % meta.sizes[plan.regionDim]!]!;
    const period = plan.periods[Math.floor(index / strides[plan.timeDim]!) % meta.sizes[plan.timeDim]!]!;
    const own = ownMunicipalityCode(Number(period.slice(0, 4))) === code;
    rows.push({ region: own ? null : code, period, value: result.keptValue[i]! });
    regionsUsed.add(code);
    periodsUsed.add(period);
  }
  return {
    rows,
    regions: regionDim.codes.filter((code) => regionsUsed.has(code)).map((code) => ({ code, label: regionDim.labels.get(code) ?? code })),
    periods: [...periodsUsed].sort(),
  };
}
