import type { BulkChangeBody } from '../bulk-change.schemas.js';
import type { ScenarioChange } from '../scenarios.schemas.js';
import { planChanges } from './scenario-changes.js';
import type { Snapshot, SnapshotUnit } from './snapshot.js';

/** What is wrong with one field of a bulk change, in both languages, named as the body names it. */
export interface BulkChangeProblem {
  path: string;
  problem: { nb: string; en: string };
}

export interface BulkChangePlan {
  changes: ScenarioChange[];
  problems: BulkChangeProblem[];
}

/**
 * A selection of units turned into a scenario's changes: each unit moved under the new parent and/or
 * renamed. Input that cannot be drafted at all (an unknown unit, a unit chosen twice, a move that
 * would put a unit below itself) is a problem naming its row; rule findings are left to the
 * scenario's comparison. A unit already where (and as) it should be gets no change.
 */
export function planBulkChange(snapshot: Snapshot, body: BulkChangeBody): BulkChangePlan {
  const problems: BulkChangeProblem[] = [];
  const byKey = new Map(snapshot.units.map((unit) => [unit.key, unit]));
  const byId = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const on = snapshot.date;

  let parent: SnapshotUnit | undefined;
  if (body.parentKey !== undefined) {
    parent = byKey.get(body.parentKey);
    if (!parent) {
      problems.push({
        path: 'parentKey',
        problem: {
          nb: `Fant ingen enhet med nøkkelen «${body.parentKey}» på ${on} å flytte enhetene til.`,
          en: `No unit with the key "${body.parentKey}" on ${on} to move the units to.`,
        },
      });
    }
  }
  if (body.parentKey === undefined && body.units.every((row) => row.name === undefined)) {
    problems.push({
      path: 'units',
      problem: {
        nb: 'Velg en ny overordnet enhet eller gi minst én enhet et nytt navn.',
        en: 'Choose a new parent unit or give at least one unit a new name.',
      },
    });
  }

  // The chosen units, to find a parent that lies below one of them.
  const chosen = new Set<string>();
  const seen = new Map<string, number>();
  const rows: { unit: SnapshotUnit; name: string | undefined }[] = [];
  body.units.forEach((row, index) => {
    const unit = byKey.get(row.unitKey);
    const first = seen.get(row.unitKey);
    if (first !== undefined) {
      problems.push({
        path: `units.${index}.unitKey`,
        problem: {
          nb: `Rad ${index + 1}: enheten «${unit?.name ?? row.unitKey}» er valgt to ganger (også på rad ${first + 1}).`,
          en: `Row ${index + 1}: the unit "${unit?.name ?? row.unitKey}" is chosen twice (also in row ${first + 1}).`,
        },
      });
      return;
    }
    seen.set(row.unitKey, index);
    if (!unit) {
      problems.push({
        path: `units.${index}.unitKey`,
        problem: {
          nb: `Rad ${index + 1}: fant ingen enhet med nøkkelen «${row.unitKey}» på ${on}.`,
          en: `Row ${index + 1}: no unit with the key "${row.unitKey}" on ${on}.`,
        },
      });
      return;
    }
    chosen.add(unit.id);
    rows.push({ unit, name: row.name?.trim() });
  });

  if (parent) {
    // Walk up from the new parent: a chosen unit on the way would end up below itself.
    const seenOnTheWay = new Set<string>();
    for (let id: string | null = parent.id; id && !seenOnTheWay.has(id); id = byId.get(id)?.parentId ?? null) {
      seenOnTheWay.add(id);
      if (!chosen.has(id)) continue;
      const index = body.units.findIndex((row) => byKey.get(row.unitKey)?.id === id);
      const unit = byId.get(id)!;
      problems.push({
        path: `units.${index}.unitKey`,
        problem:
          id === parent.id
            ? {
                nb: `Rad ${index + 1}: «${unit.name}» kan ikke flyttes under seg selv.`,
                en: `Row ${index + 1}: "${unit.name}" cannot move under itself.`,
              }
            : {
                nb: `Rad ${index + 1}: «${unit.name}» kan ikke flyttes under «${parent.name}», som ligger under den selv.`,
                en: `Row ${index + 1}: "${unit.name}" cannot move under "${parent.name}", which is below it.`,
              },
      });
    }
  }
  if (problems.length > 0) return { changes: [], problems };

  const changes: ScenarioChange[] = [];
  const rowOfChange: number[] = [];
  for (const { unit, name } of rows) {
    const index = body.units.findIndex((row) => row.unitKey === unit.key);
    if (parent && unit.parentId !== parent.id) {
      changes.push({ type: 'move_unit', unitKey: unit.key, parentKey: parent.key });
      rowOfChange.push(index);
    }
    if (name !== undefined && name !== unit.name) {
      changes.push({ type: 'rename_unit', unitKey: unit.key, name });
      rowOfChange.push(index);
    }
  }
  if (changes.length === 0) {
    return {
      changes,
      problems: [
        {
          path: 'units',
          problem: {
            nb: 'Ingen av de valgte enhetene endres: de ligger allerede der og heter det samme.',
            en: 'None of the chosen units changes: they are already there, with the same names.',
          },
        },
      ],
    };
  }
  // What the scenario itself would refuse, so that what is drafted also resolves.
  for (const problem of planChanges(snapshot, changes).problems) {
    const index = rowOfChange[problem.changeIndex]!;
    problems.push({
      path: `units.${index}.unitKey`,
      problem: { nb: `Rad ${index + 1}: ${problem.message.nb}`, en: `Row ${index + 1}: ${problem.message.en}` },
    });
  }
  return { changes, problems };
}
