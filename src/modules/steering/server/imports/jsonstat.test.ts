import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonStatError, readJsonStat, type JsonStatResult } from './jsonstat.js';
import { ownMunicipalityCode, periodFromSsb, planImport, rowsOf, type MappingInput } from './jsonstat-rows.js';

const sample = (name: string) => readFileSync(path.join(import.meta.dirname, 'samples', name), 'utf8');
const chunksOf = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, i * size + size));
const year: MappingInput = { frequency: 'year', contentsCode: null, ssbTable: null, regions: null, today: '2025-06-01' };

function imported(text: string, input: MappingInput, chunk = text.length) {
  let plan: ReturnType<typeof planImport> | undefined;
  const result = readJsonStat(chunksOf(text, chunk), { select: (meta) => (plan = planImport(meta, input)).selection });
  return { result, ...rowsOf(result, plan!) };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(JsonStatError);
    return (error as JsonStatError).userMessage.en;
  }
  throw new Error('expected the file to be refused');
}

describe('JSON-stat 2 in the shape SSB returns', () => {
  it('reads a KOSTRA table (v1 order, index objects, null with status): own municipality NULL, others by code', () => {
    const { rows, regions, periods, result } = imported(sample('ssb-kostra-v1.json'), {
      ...year,
      contentsCode: 'KOSandeladm0000',
      ssbTable: '12362',
    });
    expect(result.meta.tableId).toBe('12362');
    expect(result.nullCount).toBe(1);
    expect(periods).toEqual(['2021', '2022', '2023']);
    expect(regions.map((r) => `${r.code}:${r.label}`)).toEqual(['3005:Drammen', '0301:Oslo', '4601:Bergen', 'EKG13:Kostragruppe 13']);
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.region === null)).toEqual([
      { region: null, period: '2021', value: 7.1 },
      { region: null, period: '2022', value: 6.9 },
      { region: null, period: '2023', value: 6.8 },
    ]);
    expect(rows.filter((r) => r.region === '0301').map((r) => r.value)).toEqual([5.2, 5.4]);
    expect(rows.find((r) => r.region === 'EKG13' && r.period === '2023')?.value).toBe(6.1);
  });

  it('reads PxWebApi v2 output and picks one of several content codes; 3301 is Drammen from 2024', () => {
    const { rows } = imported(sample('ssb-pxwebapi2.json'), { ...year, contentsCode: 'Antall' });
    expect(rows.filter((r) => r.region === null)).toEqual([{ region: null, period: '2024', value: 1250 }]);
    // 3301 in 2023 is not Drammen's number that year: kept as a region of its own.
    expect(rows.find((r) => r.region === '3301')).toEqual({ region: '3301', period: '2023', value: 1200 });
    expect(rows.filter((r) => r.region === '4601').map((r) => r.value)).toEqual([23000, 23900]);
  });

  it('reads values given as an object before the dimensions (sparse), status as an array', () => {
    const { rows, result } = imported(sample('values-first-sparse.json'), year);
    expect(result.valueCount).toBe(3);
    expect(rows).toEqual([
      { region: null, period: '2022', value: 12.5 },
      { region: null, period: '2023', value: 13.25 },
      { region: 'EKG13', period: '2023', value: 9.75 },
    ]);
  });

  it('gives the same result streamed in small chunks as read whole', () => {
    for (const name of ['ssb-kostra-v1.json', 'ssb-pxwebapi2.json', 'values-first-sparse.json']) {
      const input = { ...year, contentsCode: name === 'ssb-pxwebapi2.json' ? 'Andel' : null };
      const whole = imported(sample(name), input);
      for (const size of [1, 3, 7, 64]) {
        const streamed = imported(sample(name), input, size);
        expect(streamed.rows, `${name} in chunks of ${size}`).toEqual(whole.rows);
        expect(streamed.regions).toEqual(whole.regions);
      }
    }
  });

  it('keeps only the regions asked for besides the own municipality', () => {
    const { rows } = imported(sample('ssb-kostra-v1.json'), { ...year, regions: ['EKG13'] });
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set([null, 'EKG13']));
  });
});

describe('files that are refused', () => {
  it('malformed JSON, with where', () => {
    expect(refusal(() => readJsonStat(['{"class":"dataset","value":[1,2,'], {}))).toMatch(/not valid JSON \(the document ends too early/);
    expect(refusal(() => readJsonStat(['{"class":"dataset" "version":"2.0"}']))).toMatch(/expected ',' or '}', at character 19/);
    expect(refusal(() => readJsonStat(['{"value":[1,2,]}']))).toMatch(/not valid JSON/);
    expect(refusal(() => readJsonStat(['{"a":tru}']))).toMatch(/unexpected word 'tru'/);
    expect(refusal(() => readJsonStat(['{"a":1} x']))).toMatch(/text after the end/);
  });

  it('not a JSON-stat 2 dataset', () => {
    expect(refusal(() => readJsonStat(['[1,2]']))).toMatch(/not a JSON-stat 2 dataset: the file is an array/);
    expect(
      refusal(() =>
        readJsonStat([
          '{"class":"collection","version":"2.0","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},"value":[1]}',
        ]),
      ),
    ).toMatch(/"class" is "collection"/);
    const v1 = sample('ssb-kostra-v1.json').replace('"version":"2.0",', '');
    expect(refusal(() => readJsonStat([v1]))).toMatch(/"version" is missing/);
    expect(refusal(() => readJsonStat(['{"class":"dataset","version":"2.0","value":["a"]}']))).toMatch(
      /value no. 1 is "a", not a number or null/,
    );
  });

  it('a value count that does not match size × dimensions', () => {
    const short = sample('ssb-kostra-v1.json').replace('[7.1,6.9,', '[');
    expect(refusal(() => readJsonStat([short]))).toMatch(/The file has 10 values, but the dimensions \(4 × 1 × 3\) make 12/);
    const sizeWrong = sample('ssb-kostra-v1.json').replace('"size":[4,1,3]', '"size":[5,1,3]');
    expect(refusal(() => readJsonStat([sizeWrong]))).toMatch(/the dimension "KOKkommuneregion0000" has 4 categories, but "size" says 5/);
    const outside = sample('values-first-sparse.json').replace('"5":9.75', '"6":9.75');
    expect(refusal(() => readJsonStat([outside]))).toMatch(/Value no. 7 lies outside the dimensions/);
  });

  it('the wrong region, a period that does not fit, an unknown content code', () => {
    const oslo = sample('ssb-kostra-v1.json').replaceAll('"3005"', '"1103"');
    expect(refusal(() => imported(oslo, year))).toMatch(/not about Drammen.*3005.*Regions in the file: 1103, 0301, 4601, EKG13/);
    expect(imported(oslo, { ...year, regions: ['0301'] }).rows.every((r) => r.region === '0301')).toBe(true);
    expect(refusal(() => imported(sample('ssb-kostra-v1.json'), { ...year, frequency: 'month' }))).toMatch(
      /periods that do not fit the indicator \(2021, 2022, 2023\)/,
    );
    const month13 = sample('ssb-kostra-v1.json')
      .replaceAll('"2021"', '"2021M11"')
      .replaceAll('"2022"', '"2021M12"')
      .replaceAll('"2023"', '"2021M13"');
    expect(refusal(() => imported(month13, { ...year, frequency: 'month' }))).toMatch(/\(2021M13\).*“2021-13” does not exist/);
    expect(refusal(() => imported(sample('ssb-kostra-v1.json'), { ...year, contentsCode: 'Nope' }))).toMatch(
      /does not have the statistics variable "Nope". It has: KOSandeladm0000/,
    );
    expect(refusal(() => imported(sample('ssb-kostra-v1.json'), { ...year, ssbTable: '11111' }))).toMatch(/from SSB table 12362/);
    expect(refusal(() => imported(sample('ssb-pxwebapi2.json'), year))).toMatch(/several statistics variables \(Andel, Antall\)/);
  });
});

it('maps SSB time codes and the own municipality number by year', () => {
  expect(periodFromSsb('2024M05')).toBe('2024-05');
  expect(periodFromSsb('2024')).toBe('2024');
  expect([2019, 2020, 2023, 2024].map(ownMunicipalityCode)).toEqual(['0602', '3005', '3005', '3301']);
});

export type { JsonStatResult };

it('the tokenizer reads escapes, unicode and numbers split across chunks', async () => {
  const { JsonTokenizer } = await import('./json-tokenizer.js');
  const events: unknown[] = [];
  const text = '{"n\\u00e6vn":"Dr\\u00f8mmen\\n\\"x\\"","v":[-1.5e2,0,true,null,"Bærum"]}';
  for (const size of [1, 2, 5, text.length]) {
    events.length = 0;
    const tokenizer = new JsonTokenizer({
      startObject: () => events.push('{'),
      endObject: () => events.push('}'),
      startArray: () => events.push('['),
      endArray: () => events.push(']'),
      key: (k) => events.push(`key:${k}`),
      value: (v) => events.push(v),
    });
    for (const chunk of chunksOf(text, size)) tokenizer.write(chunk);
    tokenizer.end();
    expect(events, `chunks of ${size}`).toEqual(['{', 'key:nævn', 'Drømmen\n"x"', 'key:v', '[', -150, 0, true, null, 'Bærum', ']', '}']);
  }
});
