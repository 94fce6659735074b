import { compareNorwegian } from '../../../../kernel/index.js';
import { leaderRoleTypes } from '../organisation.queries.js';
import type { Snapshot, SnapshotLine, SnapshotPosition, SnapshotUnit } from '../snapshot.js';
import { firstNames, lastNames } from './names.js';

/**
 * Fictitious people, and optionally a larger fictitious organisation, for demos and benchmarks.
 * Pure: the organisation on the dataset date and the options in, the rows to insert out. The same
 * seed gives the same names, FTE and distribution; every key is derived from the slot it fills,
 * so a second run with the same options finds its keys taken and plans nothing.
 *
 * Scale 1 is the size of a Norwegian municipality of about 100 000 inhabitants (Nye Drammen had
 * about 101 000 in 2020): about 6 000 employees, spread over the units by their kind.
 * `units: M` clones the unit tree below level 2 until there are about M × 800 units, the number a
 * municipality of that size has once its teams are counted; with it, scale 1 means M × 6 000
 * employees. `units: 10, scale: 1` is the benchmark organisation: ≈ 8 000 units, ≈ 70 000 positions.
 */

/** Every synthetic key starts with this, so synthetic rows can be found and removed, never mixed up. */
export const syntheticPrefix = 'syntetisk-';
export const syntheticSource = 'syntetisk (npm run demo:people)';
export const employeesAtScale1 = 6_200;
export const unitsPerMunicipality = 800;

export interface SyntheticOptions {
  /** Employees: scale × 6 200 × max(1, units). 0 fills vacant positions only. */
  scale: number;
  /** 0: the dataset's units only; M: clones until there are ≈ M × 800 units. */
  units: number;
  seed: number;
}

export interface SyntheticBase {
  /** The dataset date: what is vacant, and when everything synthetic starts. */
  date: string;
  /** The organisation on `date`. */
  snapshot: Snapshot;
  /** Positions held by someone on `date` or later: not vacant. */
  heldPositionIds: ReadonlySet<string>;
  /** When each position stops existing (null: open-ended), so an assignment does not outlive it. */
  positionEnds: ReadonlyMap<string, string | null>;
  /** Keys in use (on any date) among units, positions and people. */
  takenKeys: ReadonlySet<string>;
}

export interface PlannedUnit extends Omit<SnapshotUnit, 'nameKnown'> {
  note: string;
}
export interface PlannedPosition extends SnapshotPosition {
  note: string;
}
export interface PlannedPerson {
  id: string;
  key: string;
  name: string;
}
export interface PlannedAssignment {
  personId: string;
  positionId: string;
  fte: number;
  validTo: string | null;
}
export type PlannedLine = Omit<SnapshotLine, 'id'>;

export interface SyntheticPlan {
  units: PlannedUnit[];
  positions: PlannedPosition[];
  people: PlannedPerson[];
  assignments: PlannedAssignment[];
  lines: PlannedLine[];
  levelExceptions: { unitId: string; reason: string }[];
  summary: {
    copies: number;
    /** Units and positions on the date once the plan is written. */
    unitsAfter: number;
    positionsAfter: number;
    employees: number;
    vacanciesFilled: number;
  };
}

// ── Random numbers ─────────────────────────────────────────────────────────────────────────────

/** mulberry32: a small, fast, seeded generator; enough for names, nothing secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a seed for one slot, so its person does not depend on the order slots are planned in. */
function slotSeed(seed: number, key: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** «Kari Hansen», or with two last names now and then, as Norwegians often have. */
export function syntheticName(seed: number, key: string): string {
  const random = seededRandom(slotSeed(seed, key));
  const first = pick(firstNames, random);
  const last = pick(lastNames, random);
  if (random() < 0.15) {
    const middle = pick(lastNames, random);
    if (middle !== last) return `${first} ${middle} ${last}`;
  }
  return `${first} ${last}`;
}

/** Part-time is common in municipal services: most full time, a third part time. */
export function syntheticFte(seed: number, key: string): number {
  const r = seededRandom(slotSeed(seed ^ 0x5f3759df, key))();
  if (r < 0.62) return 1;
  if (r < 0.77) return 0.8;
  if (r < 0.87) return 0.6;
  if (r < 0.95) return 0.5;
  return 0.4;
}

// ── What employees are called ──────────────────────────────────────────────────────────────────

const titlesBySector: [RegExp, readonly string[]][] = [
  [/skole|opplæring/i, ['lærer', 'lærer', 'lærer', 'lektor', 'miljøarbeider', 'fagarbeider', 'spesialpedagog']],
  [/barnehage/i, ['barnehagelærer', 'barne- og ungdomsarbeider', 'barnehageassistent', 'pedagogisk leder']],
  [
    /omsorg|hjemme|institusjon|sykehjem|helse|rus|psykisk|funksjonshem|bolig|avlastning|natt/i,
    ['helsefagarbeider', 'sykepleier', 'sykepleier', 'assistent', 'vernepleier', 'miljøterapeut'],
  ],
  [/nav|arbeid|velferd|ny start|barnevern|flyktning/i, ['saksbehandler', 'veileder', 'sosionom', 'barnevernspedagog']],
  [/vei|park|vann|bygg|eiendom|infrastruktur|drift|teknisk/i, ['ingeniør', 'fagarbeider', 'driftsoperatør', 'prosjektleder']],
];
const otherTitles = ['rådgiver', 'seniorrådgiver', 'konsulent', 'spesialrådgiver', 'førstekonsulent'];

function employeeTitle(unit: PlannedUnit | SnapshotUnit, seed: number, key: string): string {
  const random = seededRandom(slotSeed(seed ^ 0x1234567, key));
  const titles = titlesBySector.find(([pattern]) => pattern.test(unit.name))?.[1] ?? otherTitles;
  return pick(titles, random);
}

// ── The plan ───────────────────────────────────────────────────────────────────────────────────

/** How many employees a unit of each kind gets, relative to the others. */
function unitWeight(unit: SnapshotUnit | PlannedUnit, hasDepartments: boolean): number {
  switch (unit.kind) {
    case 'unit':
      return hasDepartments ? 3 : 10;
    case 'department':
      return 6;
    case 'hub':
      return 2;
    case 'staff_function':
    case 'staff_area':
      return 1;
    case 'service_area':
    case 'director_area':
      return 0.5;
    default:
      return 0;
  }
}

const leaderRank = (roleType: string) => (leaderRoleTypes as readonly string[]).indexOf(roleType);
const isLeading = (p: SnapshotPosition) => p.personnelResponsibility || leaderRank(p.roleType) >= 0;

/** Strips the prefix once, so derived keys read `syntetisk-ansatt-k3-skole-…`, not `syntetisk-ansatt-syntetisk-k3-…`. */
const bare = (key: string) => (key.startsWith(syntheticPrefix) ? key.slice(syntheticPrefix.length) : key);

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic apportionment (largest remainder): the counts add up to `total` exactly. */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

export function planSyntheticOrganisation(base: SyntheticBase, options: SyntheticOptions, newId: () => string): SyntheticPlan {
  const { snapshot, takenKeys } = base;
  const own = (key: string) => !key.startsWith(syntheticPrefix) && !key.startsWith('demo-');
  const units: PlannedUnit[] = [];
  const positions: PlannedPosition[] = [];
  const people: PlannedPerson[] = [];
  const assignments: PlannedAssignment[] = [];
  const lines: PlannedLine[] = [];
  const levelExceptions: SyntheticPlan['levelExceptions'] = [];

  const allUnits: (SnapshotUnit | PlannedUnit)[] = [...snapshot.units].sort((a, b) => compareKeys(a.key, b.key));
  const allPositions: SnapshotPosition[] = [...snapshot.positions].sort((a, b) => compareKeys(a.key, b.key));
  const unitById = new Map(allUnits.map((u) => [u.id, u]));

  // 1. Copies of the tree below level 2, hung under the same level-2 (or level-1) parents.
  let copies = 0;
  if (options.units > 0) {
    const roots = allUnits.filter((u) => {
      const parent = u.parentId ? unitById.get(u.parentId) : undefined;
      return own(u.key) && u.level >= 3 && parent !== undefined && parent.level <= 2;
    });
    const children = new Map<string, (SnapshotUnit | PlannedUnit)[]>();
    for (const u of allUnits) if (u.parentId && own(u.key)) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    const subtree: (SnapshotUnit | PlannedUnit)[] = [];
    const walk = (u: SnapshotUnit | PlannedUnit) => {
      subtree.push(u);
      for (const child of children.get(u.id) ?? []) walk(child);
    };
    roots.forEach(walk);
    const inSubtree = new Set(subtree.map((u) => u.id));
    const subtreePositions = allPositions.filter((p) => inSubtree.has(p.unitId) && own(p.key));
    const subtreePositionIds = new Set(subtreePositions.map((p) => p.id));
    const subtreeLines = snapshot.lines.filter((l) => subtreePositionIds.has(l.fromPositionId));
    const excepted = new Map(snapshot.levelExceptions.filter((e) => !e.rule).map((e) => [e.unitId, e.reason]));
    const ownUnits = allUnits.filter((u) => own(u.key)).length;
    copies = subtree.length === 0 ? 0 : Math.max(0, Math.round((options.units * unitsPerMunicipality - ownUnits) / subtree.length));

    for (let copy = 2; copy <= copies + 1; copy++) {
      const prefix = `${syntheticPrefix}k${copy}-`;
      // A copy is written whole in one transaction: if its first unit exists, all of it does.
      if (takenKeys.has(prefix + subtree[0]!.key)) continue;
      const unitMap = new Map<string, string>();
      for (const u of subtree) unitMap.set(u.id, newId());
      for (const u of subtree) {
        const unit: PlannedUnit = {
          id: unitMap.get(u.id)!,
          key: prefix + u.key,
          name: `${u.name} (kopi ${copy})`,
          kind: u.kind,
          level: u.level,
          parentId: u.parentId === null ? null : (unitMap.get(u.parentId) ?? u.parentId),
          classification: u.classification,
          districts: [...u.districts],
          note: `Fiktiv kopi nr. ${copy} av «${u.name}», laget for ytelsestester. Ikke en del av datasettet.`,
        };
        units.push(unit);
        const reason = excepted.get(u.id);
        if (reason !== undefined) levelExceptions.push({ unitId: unit.id, reason });
      }
      const positionMap = new Map<string, string>();
      for (const p of subtreePositions) {
        const id = newId();
        positionMap.set(p.id, id);
        positions.push({
          ...p,
          id,
          key: prefix + p.key,
          unitId: unitMap.get(p.unitId)!,
          note: `Fiktiv kopi av stillingen «${p.title}», laget for ytelsestester.`,
        });
      }
      for (const l of subtreeLines) {
        lines.push({
          type: l.type,
          fromPositionId: positionMap.get(l.fromPositionId)!,
          toPositionId: positionMap.get(l.toPositionId) ?? l.toPositionId,
        });
      }
    }
    allUnits.push(...units);
    allPositions.push(...positions);
    for (const u of units) unitById.set(u.id, u);
    // The order a second run sees them in, so both apportion the employees alike.
    allUnits.sort((a, b) => compareKeys(a.key, b.key));
  }

  // The leader each unit's employees report to: the tree's leader, or the nearest one above.
  const leaderOf = new Map<string, SnapshotPosition>();
  for (const p of allPositions) {
    const rank = leaderRank(p.roleType);
    if (rank < 0) continue;
    const current = leaderOf.get(p.unitId);
    if (
      !current ||
      rank < leaderRank(current.roleType) ||
      (rank === leaderRank(current.roleType) && compareNorwegian(p.title, current.title) < 0)
    )
      leaderOf.set(p.unitId, p);
  }
  const reportsTo = (unit: SnapshotUnit | PlannedUnit): SnapshotPosition | undefined => {
    const seen = new Set<string>();
    for (
      let u: SnapshotUnit | PlannedUnit | undefined = unit;
      u && !seen.has(u.id);
      u = u.parentId ? unitById.get(u.parentId) : undefined
    ) {
      seen.add(u.id);
      const leader = leaderOf.get(u.id);
      if (leader && (u.kind !== 'staff_function' || u === unit)) return leader;
    }
    return undefined;
  };

  // 2. Employees, apportioned over every unit by its kind.
  const withDepartments = new Set(allUnits.filter((u) => u.kind === 'department' && u.parentId).map((u) => u.parentId!));
  const employeeTotal = Math.round(options.scale * employeesAtScale1 * Math.max(1, options.units));
  const counts = apportion(
    allUnits.map((u) => unitWeight(u, withDepartments.has(u.id))),
    employeeTotal,
  );
  const employeePositions: PlannedPosition[] = [];
  allUnits.forEach((unit, index) => {
    const leader = reportsTo(unit);
    for (let n = 1; n <= counts[index]!; n++) {
      const key = `${syntheticPrefix}ansatt-${bare(unit.key)}-${n}`;
      if (takenKeys.has(key)) continue;
      const fte = syntheticFte(options.seed, key);
      const position: PlannedPosition = {
        id: newId(),
        key,
        title: employeeTitle(unit, options.seed, key),
        unitId: unit.id,
        roleType: 'employee',
        personnelResponsibility: false,
        professionallyIndependent: false,
        fte,
        note: 'Fiktiv stilling laget av npm run demo:people.',
      };
      employeePositions.push(position);
      if (leader) lines.push({ type: 'personnel', fromPositionId: position.id, toPositionId: leader.id });
    }
  });
  positions.push(...employeePositions);

  // 3. A person in every vacant position, leaders first, then the employees.
  const vacant = [...snapshot.positions.filter((p) => !base.heldPositionIds.has(p.id)), ...positions].sort(
    (a, b) =>
      (leaderRank(a.roleType) < 0 ? 99 : leaderRank(a.roleType)) - (leaderRank(b.roleType) < 0 ? 99 : leaderRank(b.roleType)) ||
      compareKeys(a.key, b.key),
  );
  let vacanciesFilled = 0;
  for (const position of vacant) {
    const key = `${syntheticPrefix}person-${bare(position.key)}`;
    if (takenKeys.has(key)) continue;
    const person = { id: newId(), key, name: syntheticName(options.seed, key) };
    people.push(person);
    const isNew = !base.positionEnds.has(position.id);
    assignments.push({
      personId: person.id,
      positionId: position.id,
      fte: position.fte !== null && position.fte <= 1 ? position.fte : isLeading(position) ? 1 : syntheticFte(options.seed, key),
      validTo: isNew ? null : (base.positionEnds.get(position.id) ?? null),
    });
    if (!position.key.startsWith(`${syntheticPrefix}ansatt-`)) vacanciesFilled += 1;
  }

  return {
    units,
    positions,
    people,
    assignments,
    lines,
    levelExceptions,
    summary: {
      copies,
      unitsAfter: snapshot.units.length + units.length,
      positionsAfter: snapshot.positions.length + positions.length,
      employees: employeePositions.length,
      vacanciesFilled,
    },
  };
}
