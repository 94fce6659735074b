import { compareNorwegian, counted } from '../../../kernel/index.js';
import type { Analytics } from '../analytics.schemas.js';
import type { Comparison, Difference } from '../scenarios.schemas.js';
import { computeAnalytics } from './analytics.js';
import { positionWithUnit } from './position-with-unit.js';
import type { Snapshot, SnapshotLine, SnapshotPosition, SnapshotUnit } from './snapshot.js';

const kindNb: Record<string, string> = {
  leadership_team: 'lederteam',
  director_area: 'direktørområde',
  service_area: 'kommunalsjefområde',
  staff_area: 'stabsområde',
  unit: 'virksomhet',
  department: 'avdeling',
  staff_function: 'stab',
  hub: 'lokalt knutepunkt',
};
const kindEn: Record<string, string> = {
  leadership_team: 'leadership team',
  director_area: 'director area',
  service_area: 'service area',
  staff_area: 'staff area',
  unit: 'unit',
  department: 'department',
  staff_function: 'staff function',
  hub: 'hub',
};
const classificationNb: Record<string, string> = {
  service: 'tjenesteyting',
  staff_support: 'stab/støtte',
  administration: 'administrasjon',
};
const classificationEn: Record<string, string> = { service: 'service', staff_support: 'staff/support', administration: 'administration' };
const lineNb: Record<string, string> = { personnel: 'personalmessig', professional: 'faglig', coordination: 'koordinerende' };
const lineEn: Record<string, string> = { personnel: 'personnel', professional: 'professional', coordination: 'coordination' };

// The order differences are listed in: what disappears and appears first, then what moves.
const kindOrder = [
  'unit_closed',
  'unit_created',
  'unit_moved',
  'unit_renamed',
  'unit_level_changed',
  'unit_kind_changed',
  'unit_classification_changed',
  'position_closed',
  'position_created',
  'position_moved',
  'position_retitled',
  'personnel_line_changed',
  'line_ended',
  'line_added',
  'assignment_ended',
  'assignment_added',
];

/** The differences between two snapshots as sentences a reader checks a reorganisation by («Enheten X flyttes fra A til B»). */
export function describeDifferences(before: Snapshot, after: Snapshot): Difference[] {
  const differences: Difference[] = [];
  const add = (kind: string, subjectId: string, nb: string, en: string) => differences.push({ kind, subjectId, message: { nb, en } });

  const unitsBefore = new Map(before.units.map((u) => [u.id, u]));
  const unitsAfter = new Map(after.units.map((u) => [u.id, u]));
  const unitName = (id: string | null, units: Map<string, SnapshotUnit>) => (id === null ? null : (units.get(id)?.name ?? null));
  const top = { nb: 'øverst (uten overordnet enhet)', en: 'the top (no parent unit)' };
  const childrenAfter = new Map<string, string[]>();
  for (const u of after.units) {
    if (u.parentId === null) continue;
    const siblings = childrenAfter.get(u.parentId);
    if (siblings) siblings.push(u.id);
    else childrenAfter.set(u.parentId, [u.id]);
  }
  const unitsBelow = (id: string): number => {
    let count = 0;
    const stack = [...(childrenAfter.get(id) ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      count += 1;
      stack.push(...(childrenAfter.get(next) ?? []));
    }
    return count;
  };

  for (const unit of before.units) {
    if (!unitsAfter.has(unit.id)) add('unit_closed', unit.id, `Enheten «${unit.name}» avvikles.`, `The unit "${unit.name}" is closed.`);
  }
  for (const unit of after.units) {
    const old = unitsBefore.get(unit.id);
    const parentAfter = unitName(unit.parentId, unitsAfter);
    if (!old) {
      add(
        'unit_created',
        unit.id,
        `Enheten «${unit.name}» (${kindNb[unit.kind] ?? unit.kind}, nivå ${unit.level}) opprettes ${parentAfter ? `under «${parentAfter}»` : 'øverst'}.`,
        `The unit "${unit.name}" (${kindEn[unit.kind] ?? unit.kind}, level ${unit.level}) is created ${parentAfter ? `under "${parentAfter}"` : 'at the top'}.`,
      );
      continue;
    }
    if (old.parentId !== unit.parentId) {
      const from = unitName(old.parentId, unitsBefore);
      // The units that move along tell the reader how much the move takes with it.
      const below = unitsBelow(unit.id);
      const alongNb = below > 0 ? `, med ${counted('nb', below, 'underliggende enhet', 'underliggende enheter')}` : '';
      const alongEn = below > 0 ? `, with ${counted('en', below, 'unit', 'units')} below it` : '';
      add(
        'unit_moved',
        unit.id,
        `Enheten «${unit.name}» flyttes fra ${from ? `«${from}»` : top.nb} til ${parentAfter ? `«${parentAfter}»` : top.nb}${alongNb}.`,
        `The unit "${unit.name}" moves from ${from ? `"${from}"` : top.en} to ${parentAfter ? `"${parentAfter}"` : top.en}${alongEn}.`,
      );
    }
    if (old.name !== unit.name)
      add(
        'unit_renamed',
        unit.id,
        `Enheten «${old.name}» får nytt navn: «${unit.name}».`,
        `The unit "${old.name}" is renamed "${unit.name}".`,
      );
    if (old.level !== unit.level) {
      add(
        'unit_level_changed',
        unit.id,
        `Enheten «${unit.name}» går fra nivå ${old.level} til nivå ${unit.level}.`,
        `The unit "${unit.name}" goes from level ${old.level} to level ${unit.level}.`,
      );
    }
    if (old.kind !== unit.kind) {
      add(
        'unit_kind_changed',
        unit.id,
        `Enheten «${unit.name}» endres fra ${kindNb[old.kind] ?? old.kind} til ${kindNb[unit.kind] ?? unit.kind}.`,
        `The unit "${unit.name}" changes from ${kindEn[old.kind] ?? old.kind} to ${kindEn[unit.kind] ?? unit.kind}.`,
      );
    }
    if (old.classification !== unit.classification) {
      add(
        'unit_classification_changed',
        unit.id,
        `Enheten «${unit.name}» klassifiseres som ${classificationNb[unit.classification] ?? unit.classification} i stedet for ${classificationNb[old.classification] ?? old.classification}.`,
        `The unit "${unit.name}" is classified as ${classificationEn[unit.classification] ?? unit.classification} instead of ${classificationEn[old.classification] ?? old.classification}.`,
      );
    }
  }

  const positionsBefore = new Map(before.positions.map((p) => [p.id, p]));
  const positionsAfter = new Map(after.positions.map((p) => [p.id, p]));
  const where = (p: SnapshotPosition, units: Map<string, SnapshotUnit>) => units.get(p.unitId)?.name ?? '?';
  for (const position of before.positions) {
    if (!positionsAfter.has(position.id)) {
      add(
        'position_closed',
        position.id,
        `Stillingen «${position.title}» i «${where(position, unitsBefore)}» avvikles.`,
        `The position "${position.title}" in "${where(position, unitsBefore)}" is closed.`,
      );
    }
  }
  for (const position of after.positions) {
    const old = positionsBefore.get(position.id);
    if (!old) {
      add(
        'position_created',
        position.id,
        `Stillingen «${position.title}» opprettes i «${where(position, unitsAfter)}».`,
        `The position "${position.title}" is created in "${where(position, unitsAfter)}".`,
      );
      continue;
    }
    if (old.unitId !== position.unitId) {
      add(
        'position_moved',
        position.id,
        `Stillingen «${position.title}» flyttes fra «${where(old, unitsBefore)}» til «${where(position, unitsAfter)}».`,
        `The position "${position.title}" moves from "${where(old, unitsBefore)}" to "${where(position, unitsAfter)}".`,
      );
    }
    if (old.title !== position.title)
      add(
        'position_retitled',
        position.id,
        `Stillingen «${old.title}» i «${where(position, unitsAfter)}» får ny tittel: «${position.title}».`,
        `The position "${old.title}" in "${where(position, unitsAfter)}" is retitled "${position.title}".`,
      );
  }

  // A position named with its unit («virksomhetsleder (Aronsløkka skole)»): on the side it is read
  // from, so an ended line names the units as they were and a new one as they will be.
  const named = (id: string, positions: Map<string, SnapshotPosition>, units: Map<string, SnapshotUnit>) => {
    const p = positions.get(id);
    return p ? positionWithUnit(p.title, units.get(p.unitId)?.name) : '?';
  };
  const nameAfter = (id: string) =>
    positionsAfter.has(id) ? named(id, positionsAfter, unitsAfter) : named(id, positionsBefore, unitsBefore);
  const nameBefore = (id: string) =>
    positionsBefore.has(id) ? named(id, positionsBefore, unitsBefore) : named(id, positionsAfter, unitsAfter);
  // A line that keeps its id and its ends is unchanged; that settles nearly all of them without
  // building a key per line (70 000 at 10×). The few left are matched by type and ends, so a line
  // ended and drawn again between the same positions is no difference.
  const lineKey = (l: SnapshotLine) => `${l.type}|${l.fromPositionId}|${l.toPositionId}`;
  const sameLine = (a: SnapshotLine | undefined, b: SnapshotLine) =>
    a !== undefined && a.type === b.type && a.fromPositionId === b.fromPositionId && a.toPositionId === b.toPositionId;
  const linesByIdBefore = new Map(before.lines.map((l) => [l.id, l]));
  const linesByIdAfter = new Map(after.lines.map((l) => [l.id, l]));
  const endedCandidates = before.lines.filter((l) => !sameLine(linesByIdAfter.get(l.id), l));
  const addedCandidates = after.lines.filter((l) => !sameLine(linesByIdBefore.get(l.id), l));
  const endedKeys = new Set(endedCandidates.map(lineKey));
  const addedKeys = new Set(addedCandidates.map(lineKey));
  const ended = endedCandidates.filter((l) => !addedKeys.has(lineKey(l)));
  const added = addedCandidates.filter((l) => !endedKeys.has(lineKey(l)));
  // A closed position's lines end with it; saying so again for every line is noise.
  const survives = (id: string) => positionsBefore.has(id) && positionsAfter.has(id);

  // A position that keeps existing and gets a new personnel leader: one sentence, not two.
  const newLeader = new Map<string, SnapshotLine>();
  for (const l of added) if (l.type === 'personnel' && survives(l.fromPositionId)) newLeader.set(l.fromPositionId, l);
  const changedLeader = new Set<string>();
  for (const l of ended) {
    if (l.type !== 'personnel' || !survives(l.fromPositionId)) continue;
    const replacement = newLeader.get(l.fromPositionId);
    if (!replacement) continue;
    changedLeader.add(l.fromPositionId);
    add(
      'personnel_line_changed',
      l.fromPositionId,
      `«${nameAfter(l.fromPositionId)}» rapporterer personalmessig til «${nameAfter(replacement.toPositionId)}» i stedet for «${nameBefore(l.toPositionId)}».`,
      `"${nameAfter(l.fromPositionId)}" reports (personnel line) to "${nameAfter(replacement.toPositionId)}" instead of "${nameBefore(l.toPositionId)}".`,
    );
  }
  for (const l of ended) {
    if (!survives(l.fromPositionId) || !survives(l.toPositionId)) continue;
    if (l.type === 'personnel' && changedLeader.has(l.fromPositionId)) continue;
    add(
      'line_ended',
      l.id,
      `Den ${lineNb[l.type]} linjen fra «${nameBefore(l.fromPositionId)}» til «${nameBefore(l.toPositionId)}» opphører.`,
      `The ${lineEn[l.type]} line from "${nameBefore(l.fromPositionId)}" to "${nameBefore(l.toPositionId)}" ends.`,
    );
  }
  for (const l of added) {
    if (l.type === 'personnel' && changedLeader.has(l.fromPositionId)) continue;
    add(
      'line_added',
      l.id,
      `«${nameAfter(l.fromPositionId)}» får ${lineNb[l.type]} linje til «${nameAfter(l.toPositionId)}».`,
      `"${nameAfter(l.fromPositionId)}" gets a ${lineEn[l.type]} line to "${nameAfter(l.toPositionId)}".`,
    );
  }

  // As with lines: the same id, person and position is no difference; only the rest is keyed.
  type Held = { id: string; personId: string; positionId: string };
  const assignmentKey = (a: Held) => `${a.personId}|${a.positionId}`;
  const same = (a: Held | undefined, b: Held) => a !== undefined && a.personId === b.personId && a.positionId === b.positionId;
  const heldByIdBefore = new Map(before.assignments.map((a) => [a.id, a]));
  const heldByIdAfter = new Map(after.assignments.map((a) => [a.id, a]));
  const leaving = before.assignments.filter((a) => !same(heldByIdAfter.get(a.id), a));
  const arriving = after.assignments.filter((a) => !same(heldByIdBefore.get(a.id), a));
  const assignmentsAfter = new Set(arriving.map(assignmentKey));
  const assignmentsBefore = new Set(leaving.map(assignmentKey));
  for (const a of leaving) {
    if (!assignmentsAfter.has(assignmentKey(a))) {
      add(
        'assignment_ended',
        a.id,
        `${a.personName} går ut av stillingen «${nameBefore(a.positionId)}».`,
        `${a.personName} leaves the position "${nameBefore(a.positionId)}".`,
      );
    }
  }
  for (const a of arriving) {
    if (!assignmentsBefore.has(assignmentKey(a))) {
      add(
        'assignment_added',
        a.id,
        `${a.personName} plasseres i stillingen «${nameAfter(a.positionId)}».`,
        `${a.personName} is placed in the position "${nameAfter(a.positionId)}".`,
      );
    }
  }

  const order = (kind: string) => kindOrder.indexOf(kind);
  return differences.sort((a, b) => order(a.kind) - order(b.kind) || compareNorwegian(a.message.nb, b.message.nb));
}

/** The administration share on the same basis on both sides: FTE of people if either has any, else posts' FTE. */
function commonShare(a: Analytics, b: Analytics): { before: number | null; after: number | null } {
  const basis =
    a.administrationShare.assignmentFte.total > 0 || b.administrationShare.assignmentFte.total > 0
      ? 'assignmentFte'
      : a.administrationShare.postFte.total > 0 || b.administrationShare.postFte.total > 0
        ? 'postFte'
        : null;
  if (basis === null) return { before: null, after: null };
  return { before: a.administrationShare[basis].share, after: b.administrationShare[basis].share };
}

/** Before and after side by side: units per level, spans, layers, FTE, administration share, and the differences in words. */
export function compareSnapshots(before: Snapshot, after: Snapshot, analytics?: { before: Analytics; after: Analytics }): Comparison {
  const a = analytics?.before ?? computeAnalytics(before);
  const b = analytics?.after ?? computeAnalytics(after);

  const levels = new Set([...a.levels.map((l) => l.level), ...b.levels.map((l) => l.level)]);
  const unitsAt = (figures: Analytics, level: number) => figures.levels.find((l) => l.level === level)?.units ?? 0;

  const spansBefore = new Map(a.spans.map((s) => [s.positionId, s]));
  const spansAfter = new Map(b.spans.map((s) => [s.positionId, s]));
  const changed: Comparison['spans']['changed'] = [];
  for (const id of new Set([...spansBefore.keys(), ...spansAfter.keys()])) {
    const old = spansBefore.get(id);
    const now = spansAfter.get(id);
    if (old && now && old.directReports === now.directReports) continue;
    const shown = (now ?? old)!;
    changed.push({
      positionId: id,
      title: shown.title,
      unitName: shown.unitName,
      before: old ? old.directReports : null,
      after: now ? now.directReports : null,
      threshold: shown.threshold,
    });
  }
  changed.sort(
    (x, y) => Math.abs((y.after ?? 0) - (y.before ?? 0)) - Math.abs((x.after ?? 0) - (x.before ?? 0)) || compareNorwegian(x.title, y.title),
  );
  const max = (figures: Analytics) => figures.spans.reduce((m, s) => Math.max(m, s.directReports), 0);

  return {
    before: { date: before.date },
    after: { date: after.date },
    unitsPerLevel: [...levels].sort((x, y) => x - y).map((level) => ({ level, before: unitsAt(a, level), after: unitsAt(b, level) })),
    units: { before: a.totals.units, after: b.totals.units },
    positions: { before: a.totals.positions, after: b.totals.positions },
    headcount: { before: a.totals.headcount, after: b.totals.headcount },
    fte: { before: a.totals.fte, after: b.totals.fte },
    postFte: { before: a.totals.postFte, after: b.totals.postFte },
    layers: { before: a.layers.count, after: b.layers.count },
    administrationShare: commonShare(a, b),
    positionAdministrationShare: { before: a.administrationShare.positions.share, after: b.administrationShare.positions.share },
    spans: {
      maxBefore: max(a),
      maxAfter: max(b),
      overThresholdBefore: a.spans.filter((s) => s.overThreshold).length,
      overThresholdAfter: b.spans.filter((s) => s.overThreshold).length,
      changed,
    },
    differences: describeDifferences(before, after),
  };
}
