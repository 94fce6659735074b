import type { HrFeedCounts } from '../../hr-feed.schemas.js';
import type { ImportChange, ImportProblem, LocalisedMessage } from '../../import-export.schemas.js';
import { describePeriod, norwegianDate, overlaps, type Period } from '../dated-versions.js';
import { message, type ParsedImport, type ParsedRow } from '../import-export/organisation-format.js';
import type { ImportStep, OrganisationState, StoredAssignment } from '../import-export/plan-import.js';
import { leaderRoleTypes } from '../organisation.queries.js';
import type { FeedAssignment, HrFeed } from './read-feed.js';
import { vismaColumns } from './visma-mapping.js';

// The HR feed as a delta. The file is the HR system's whole list of people and their assignments;
// compared with the organisation on the feed date it becomes what the existing import applies:
// rows for new people, changed names and new or changed assignments (which plan-import.ts checks
// and orders like any import), and the ending of every current assignment the file no longer has
// (a person gone loses all of theirs). The safety checks come first, and any one refuses the whole
// feed: too many people gone, an employee number twice, a person in two leader positions at 100 %
// each, a unit or position the organisation does not know. Pure: `state` is everything it reads.

export interface HrDeltaOptions {
  /** The feed date (today in Oslo): what the file says holds from this day. */
  date: string;
  /** Refuse when more than this share of the people holding an assignment today would lose them all. */
  maxRemovalShare: number;
}

export interface HrDelta {
  /** The rows the existing import planner (planImport) turns into steps. */
  parsed: ParsedImport;
  /** Assignments the file no longer has, ended on the feed date through endAssignment. */
  endings: ImportStep[];
  /** What the endings change, listed like the import's changes. */
  endingChanges: ImportChange[];
  problems: ImportProblem[];
  counts: HrFeedCounts;
}

const leaderRoles = new Set<string>(leaderRoleTypes);
const isCurrentOrLater = (a: Period, date: string) => a.validTo === null || a.validTo > date;
const pct = (share: number) => `${Math.round(share * 1000) / 10}`.replace('.', ',');

export function planHrDelta(feed: HrFeed, state: OrganisationState, options: HrDeltaOptions): HrDelta {
  const D = options.date;
  const file = feed.fileName;
  const visma = feed.format === 'visma-csv';
  const problems: ImportProblem[] = [...feed.problems];
  const badRows = new Set<string>();
  const rowId = (sheet: string | null, row: number) => `${sheet ?? ''}:${row}`;
  const problem = (
    at: { row: number; sheet: string | null },
    entity: 'people' | 'assignments',
    column: string | null,
    msg: LocalisedMessage,
  ) => {
    problems.push({ file, sheet: at.sheet, entity, row: at.row, column, message: msg });
    badRows.add(rowId(at.sheet, at.row));
  };
  const col = (json: string, field: keyof typeof vismaColumns) => (visma ? vismaColumns[field] : json);

  // --- People: one per employee number -----------------------------------------------------
  const people = new Map<string, { row: number; sheet: string | null; name: string }>();
  const duplicated = new Set<string>();
  for (const person of feed.people) {
    const earlier = people.get(person.key);
    if (!earlier) {
      people.set(person.key, person);
      continue;
    }
    // A Visma export has a row per employment, so one person may have several rows with the same name.
    if (visma && earlier.name === person.name) continue;
    duplicated.add(person.key);
    problem(
      person,
      'people',
      col('key', 'employeeNumber'),
      message(
        `Ansattnummeret «${person.key}» står også i rad ${earlier.row}${visma ? ` med navnet «${earlier.name}»` : ''}. Hvert ansattnummer hører til én person.`,
        `The employee number "${person.key}" is also in row ${earlier.row}${visma ? ` with the name "${earlier.name}"` : ''}. Each employee number belongs to one person.`,
      ),
    );
  }

  // --- Assignments: known keys, one leader post at full time --------------------------------
  const positionsByKey = new Map(state.positions.map((p) => [p.key, p]));
  const unitKeyOf = new Map<string, string>();
  for (const unit of state.units) {
    unitKeyOf.set(unit.key, unit.key);
    for (const v of unit.versions) if (v.hrUnitId && !unitKeyOf.has(v.hrUnitId)) unitKeyOf.set(v.hrUnitId, unit.key);
  }
  interface Wanted {
    source: FeedAssignment;
    period: Period;
    leader: boolean;
  }
  const wanted: Wanted[] = [];
  for (const a of feed.assignments) {
    if (badRows.has(rowId(a.sheet, a.row))) continue; // its person's row is already refused (a Visma row is both)
    if (!people.has(a.personKey)) {
      problem(
        a,
        'assignments',
        'personKey',
        message(`«${a.personKey}» står ikke i listen over personer i filen.`, `"${a.personKey}" is not in the file's list of people.`),
      );
      continue;
    }
    const period: Period = { validFrom: a.validFrom !== null && a.validFrom > D ? a.validFrom : D, validTo: a.validTo };
    const position = positionsByKey.get(a.positionKey);
    if (!position) {
      problem(
        a,
        'assignments',
        col('positionKey', 'positionKey'),
        message(
          `Stillingen «${a.positionKey}» finnes ikke i organisasjonen. Opprett den (eller rett nøkkelen) før HR-filen leses inn.`,
          `The position "${a.positionKey}" is not in the organisation. Create it (or correct the key) before the HR file is read.`,
        ),
      );
    }
    let unitKey: string | undefined;
    if (a.unitKey !== null) {
      unitKey = unitKeyOf.get(a.unitKey);
      if (!unitKey) {
        problem(
          a,
          'assignments',
          col('unitKey', 'unitKey'),
          message(
            `Enheten «${a.unitKey}» finnes ikke i organisasjonen (verken som nøkkel eller som HR-enhets-ID).`,
            `The unit "${a.unitKey}" is not in the organisation (neither as a key nor as an HR unit id).`,
          ),
        );
      }
    }
    if (!position || (a.validTo !== null && a.validTo <= D)) continue; // an employment already over changes nothing
    const version = position.versions.find((v) => v.validFrom <= period.validFrom && (v.validTo === null || v.validTo > period.validFrom));
    if (!version) {
      problem(
        a,
        'assignments',
        col('positionKey', 'positionKey'),
        message(
          `Stillingen «${a.positionKey}» finnes ikke ${norwegianDate(period.validFrom)}.`,
          `The position "${a.positionKey}" does not exist on ${period.validFrom}.`,
        ),
      );
      continue;
    }
    if (unitKey && version.unitKey !== unitKey) {
      problem(
        a,
        'assignments',
        col('unitKey', 'unitKey'),
        message(
          `Stillingen «${a.positionKey}» ligger i enheten «${version.unitKey}», ikke «${a.unitKey}», ${norwegianDate(period.validFrom)}.`,
          `The position "${a.positionKey}" is in the unit "${version.unitKey}", not "${a.unitKey}", on ${period.validFrom}.`,
        ),
      );
      continue;
    }
    wanted.push({ source: a, period, leader: leaderRoles.has(version.roleType) && a.fte >= 1 });
  }
  const byPerson = new Map<string, Wanted[]>();
  for (const w of wanted) byPerson.set(w.source.personKey, [...(byPerson.get(w.source.personKey) ?? []), w]);
  for (const [personKey, list] of byPerson) {
    for (let i = 1; i < list.length; i += 1) {
      const w = list[i]!;
      const same = list.slice(0, i).find((o) => o.source.positionKey === w.source.positionKey && overlaps(o.period, w.period));
      if (same) {
        problem(
          w.source,
          'assignments',
          col('positionKey', 'positionKey'),
          message(
            `«${personKey}» har stillingen «${w.source.positionKey}» også i rad ${same.source.row}, i en overlappende periode.`,
            `"${personKey}" also holds the position "${w.source.positionKey}" in row ${same.source.row}, in an overlapping period.`,
          ),
        );
        continue;
      }
      const otherLeader = w.leader && list.slice(0, i).find((o) => o.leader && overlaps(o.period, w.period));
      if (otherLeader) {
        problem(
          w.source,
          'assignments',
          col('fte', 'percent'),
          message(
            `«${personKey}» ville hatt to lederstillinger på 100 % samtidig: «${otherLeader.source.positionKey}» (rad ${otherLeader.source.row}) og «${w.source.positionKey}» ${describePeriod(w.period)}. Rett stillingsprosenten eller avslutt den ene i HR-systemet.`,
            `"${personKey}" would hold two leader positions at 100 % at once: "${otherLeader.source.positionKey}" (row ${otherLeader.source.row}) and "${w.source.positionKey}". Correct the percentage or end one of them in the HR system.`,
          ),
        );
      }
    }
  }

  // --- People gone: the safety limit ---------------------------------------------------------
  const holdingToday = new Set(state.assignments.filter((a) => a.validFrom <= D && isCurrentOrLater(a, D)).map((a) => a.personKey));
  const gone = [...holdingToday].filter((key) => !people.has(key)).sort();
  const share = holdingToday.size === 0 ? 0 : gone.length / holdingToday.size;
  if (gone.length > 0 && share > options.maxRemovalShare) {
    const shown = gone.slice(0, 10).join(', ') + (gone.length > 10 ? ' …' : '');
    problems.push({
      file,
      sheet: null,
      entity: 'people',
      row: null,
      column: null,
      message: message(
        `Filen mangler ${gone.length} av ${holdingToday.size} personer som har en stilling i dag (${pct(share)} %), mer enn grensen på ${pct(options.maxRemovalShare)} % (HR_FEED_MAX_REMOVAL_SHARE). En avkortet fil skal ikke tømme organisasjonen, så ingenting er endret. Mangler blant annet: ${shown}.`,
        `The file lacks ${gone.length} of the ${holdingToday.size} people who hold a position today (${pct(share)} %), more than the limit of ${pct(options.maxRemovalShare)} % (HR_FEED_MAX_REMOVAL_SHARE). A truncated file must not empty the organisation, so nothing was changed. Missing, among others: ${shown}.`,
      ),
    });
  }

  // --- The delta -----------------------------------------------------------------------------
  const counts: HrFeedCounts = {
    peopleInFile: people.size,
    peopleToday: holdingToday.size,
    peopleNew: 0,
    peopleRenamed: 0,
    peopleGone: gone.length,
    assignmentsNew: 0,
    assignmentsChanged: 0,
    assignmentsEnded: 0,
    unchanged: 0,
  };
  const storedPeople = new Map(state.people.map((p) => [p.key, p]));
  const personRows: ParsedRow[] = [];
  for (const [key, person] of people) {
    if (duplicated.has(key)) continue;
    const stored = storedPeople.get(key);
    const sheet = feed.format === 'organisation-json' ? person.sheet : null;
    if (!stored) {
      counts.peopleNew += 1;
      personRows.push({
        row: person.row,
        sheet,
        invalid: false,
        values: { key, name: person.name, synthetic: false, source: `HR-innlesing «${file}»` },
      });
    } else if (stored.name !== person.name) {
      counts.peopleRenamed += 1;
      personRows.push({ row: person.row, sheet, invalid: false, values: { key, name: person.name } });
    }
  }

  const storedByPair = new Map<string, StoredAssignment[]>();
  for (const a of state.assignments) {
    if (!isCurrentOrLater(a, D)) continue;
    const k = `${a.personKey}|${a.positionKey}`;
    storedByPair.set(k, [...(storedByPair.get(k) ?? []), a]);
  }
  const matched = new Set<string>();
  const assignmentRows: ParsedRow[] = [];
  for (const w of wanted) {
    const a = w.source;
    if (badRows.has(rowId(a.sheet, a.row))) continue;
    const stored = (storedByPair.get(`${a.personKey}|${a.positionKey}`) ?? []).find((s) => !matched.has(s.id) && overlaps(s, w.period));
    if (stored) {
      matched.add(stored.id);
      if (Math.abs(stored.fte - a.fte) < 0.005 && stored.validTo === a.validTo) {
        counts.unchanged += 1;
        continue;
      }
      counts.assignmentsChanged += 1;
      // The stored start, so the import finds the same assignment; a start the HR system moved is not applied.
      assignmentRows.push({
        row: a.row,
        sheet: a.sheet,
        invalid: false,
        values: { personKey: a.personKey, positionKey: a.positionKey, validFrom: stored.validFrom, fte: a.fte, validTo: a.validTo },
      });
    } else {
      counts.assignmentsNew += 1;
      assignmentRows.push({
        row: a.row,
        sheet: a.sheet,
        invalid: false,
        values: {
          personKey: a.personKey,
          positionKey: a.positionKey,
          validFrom: w.period.validFrom,
          fte: a.fte,
          validTo: a.validTo,
          source: `HR-innlesing «${file}»`,
        },
      });
    }
  }

  // Everything current the file no longer has ends on the feed date. One that starts later is a
  // plan the HR system does not know yet; it is left alone (an assignment cannot end before it begins).
  const endings: ImportStep[] = [];
  const endingChanges: ImportChange[] = [];
  for (const list of storedByPair.values()) {
    for (const s of list) {
      if (matched.has(s.id) || s.validFrom >= D) continue;
      counts.assignmentsEnded += 1;
      endings.push({ op: 'endAssignment', ref: { entity: 'assignments', sheet: null, row: null }, id: s.id, validTo: D });
      endingChanges.push({
        entity: 'assignments',
        sheet: null,
        row: null,
        action: 'end',
        label: `${s.personKey} – ${s.positionKey}`,
        fields: [{ field: 'validTo', before: s.validTo, after: D }],
      });
    }
  }
  for (const key of gone) {
    endingChanges.push({
      entity: 'people',
      sheet: null,
      row: null,
      action: 'end',
      label: `${key} (${storedPeople.get(key)?.name ?? ''})`,
      fields: [],
    });
  }

  return {
    parsed: {
      format: visma ? 'csv' : 'json',
      fileName: file,
      asOf: null,
      sections: { people: personRows, assignments: assignmentRows },
      problems: [],
      ignoredSheets: [],
    },
    endings,
    endingChanges,
    problems,
    counts,
  };
}
