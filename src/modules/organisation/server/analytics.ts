import { compareNorwegian } from '../../../kernel/index.js';
import { spansShown } from '../analytics.schemas.js';
import type {
  AdministrationShare,
  Analytics,
  AnalyticsResponse,
  Baseline,
  BaselineComparison,
  Figures,
  LevelFigures,
  Layers,
  ShareBasis,
  Span,
  UnitFigures,
} from '../analytics.schemas.js';
import { leaderRoleTypes } from './organisation.queries.js';
import type { Snapshot, SnapshotPosition } from './snapshot.js';

/** FTE sums are shown to two decimals; floating-point noise is not a difference. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** "12,3 %": a share as Norwegian readers write it. */
export function percentNb(share: number): string {
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

function percentEn(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** "2,5": a number as Norwegian readers write it. */
function numberNb(value: number): string {
  return String(value).replace('.', ',');
}

/**
 * A share describes the organisation when its basis covers at least this part of the positions:
 * some vacancies are normal, but below nine in ten the people (or posts) recorded are a sample.
 */
export const representativeCoverage = 0.9;

/**
 * When only some positions have a person recorded, a share computed from people's FTE describes
 * those people, not the organisation (the built-in dataset names only the chief executive).
 */
export function coverageCaveat(filledPositions: number, totalPositions: number): { nb: string; en: string } | null {
  if (totalPositions === 0 || filledPositions >= totalPositions) return null;
  return {
    nb: `Merk: bare ${filledPositions} av ${totalPositions} stillinger har en person registrert, så tallet beskriver de registrerte personene, ikke hele organisasjonen.`,
    en: `Note: only ${filledPositions} of ${totalPositions} positions have a person recorded, so the figure describes the people recorded, not the whole organisation.`,
  };
}

interface Accumulator {
  positions: number;
  people: Set<string>;
  fte: number;
  postFte: number;
  positionsWithFte: number;
}

const emptyAccumulator = (): Accumulator => ({ positions: 0, people: new Set(), fte: 0, postFte: 0, positionsWithFte: 0 });

function addInto(target: Accumulator, source: Accumulator): void {
  target.positions += source.positions;
  for (const person of source.people) target.people.add(person);
  target.fte += source.fte;
  target.postFte += source.postFte;
  target.positionsWithFte += source.positionsWithFte;
}

function toFigures(acc: Accumulator): Figures {
  return {
    positions: acc.positions,
    headcount: acc.people.size,
    fte: round2(acc.fte),
    postFte: round2(acc.postFte),
    positionsWithFte: acc.positionsWithFte,
  };
}

/** Positions, people and FTE of each unit by itself (not its sub-units). */
function ownFigures(snapshot: Snapshot): Map<string, Accumulator> {
  const own = new Map(snapshot.units.map((u) => [u.id, emptyAccumulator()]));
  const unitOfPosition = new Map<string, string>();
  for (const position of snapshot.positions) {
    const acc = own.get(position.unitId);
    if (!acc) continue;
    unitOfPosition.set(position.id, position.unitId);
    acc.positions += 1;
    if (position.fte !== null) {
      acc.postFte += position.fte;
      acc.positionsWithFte += 1;
    }
  }
  for (const assignment of snapshot.assignments) {
    const unitId = unitOfPosition.get(assignment.positionId);
    const acc = unitId ? own.get(unitId) : undefined;
    if (!acc) continue;
    acc.people.add(assignment.personId);
    acc.fte += assignment.fte;
  }
  return own;
}

/** Headcount and FTE per unit, by itself and rolled up the parent tree. */
export function unitFigures(snapshot: Snapshot, own = ownFigures(snapshot)): UnitFigures[] {
  const children = new Map<string, string[]>();
  for (const unit of snapshot.units) {
    if (!unit.parentId || !own.has(unit.parentId)) continue;
    const siblings = children.get(unit.parentId);
    if (siblings) siblings.push(unit.id);
    else children.set(unit.parentId, [unit.id]);
  }
  const totals = new Map<string, Accumulator>();
  const inProgress = new Set<string>();
  // A cycle in the parent tree is a data error the rules report; here it must only not loop forever.
  const total = (unitId: string): Accumulator => {
    const done = totals.get(unitId);
    if (done) return done;
    const acc = emptyAccumulator();
    if (inProgress.has(unitId)) return acc;
    inProgress.add(unitId);
    addInto(acc, own.get(unitId) ?? emptyAccumulator());
    for (const child of children.get(unitId) ?? []) addInto(acc, total(child));
    inProgress.delete(unitId);
    totals.set(unitId, acc);
    return acc;
  };
  return [...snapshot.units]
    .sort((a, b) => compareNorwegian(a.name, b.name))
    .map((unit) => ({
      unitId: unit.id,
      key: unit.key,
      name: unit.name,
      level: unit.level,
      parentId: unit.parentId,
      classification: unit.classification as UnitFigures['classification'],
      own: toFigures(own.get(unit.id)!),
      total: toFigures(total(unit.id)),
    }));
}

/** Units, positions, people and FTE per declared level. */
export function levelFigures(snapshot: Snapshot, own = ownFigures(snapshot)): LevelFigures[] {
  const byLevel = new Map<number, { units: number; acc: Accumulator }>();
  for (const unit of snapshot.units) {
    const entry = byLevel.get(unit.level) ?? { units: 0, acc: emptyAccumulator() };
    entry.units += 1;
    addInto(entry.acc, own.get(unit.id)!);
    byLevel.set(unit.level, entry);
  }
  return [...byLevel.entries()].sort(([a], [b]) => a - b).map(([level, { units, acc }]) => ({ level, units, ...toFigures(acc) }));
}

function isLeader(position: SnapshotPosition): boolean {
  return position.personnelResponsibility || (leaderRoleTypes as readonly string[]).includes(position.roleType);
}

/** Direct personnel reports per leader position, with the threshold for its role type. Largest first. */
export function spansOfControl(snapshot: Snapshot): Span[] {
  const reports = new Map<string, number>();
  for (const line of snapshot.lines)
    if (line.type === 'personnel') reports.set(line.toPositionId, (reports.get(line.toPositionId) ?? 0) + 1);
  const unitNames = new Map(snapshot.units.map((u) => [u.id, u.name]));
  return snapshot.positions
    .filter((p) => isLeader(p) || reports.has(p.id))
    .map((p) => {
      const directReports = reports.get(p.id) ?? 0;
      const threshold = snapshot.spanThresholds[p.roleType] ?? null;
      return {
        positionId: p.id,
        title: p.title,
        roleType: p.roleType,
        unitId: p.unitId,
        unitName: unitNames.get(p.unitId) ?? '',
        directReports,
        threshold,
        overThreshold: threshold !== null && directReports > threshold,
      };
    })
    .sort((a, b) => b.directReports - a.directReports || compareNorwegian(a.unitName, b.unitName) || compareNorwegian(a.title, b.title));
}

/** The number of layers: the longest personnel chain down from the chief executive. */
export function countLayers(snapshot: Snapshot): Layers {
  const reportsTo = new Map<string, string[]>();
  for (const line of snapshot.lines) {
    if (line.type !== 'personnel') continue;
    const reports = reportsTo.get(line.toPositionId);
    if (reports) reports.push(line.fromPositionId);
    else reportsTo.set(line.toPositionId, [line.fromPositionId]);
  }
  const titles = new Map(snapshot.positions.map((p) => [p.id, p.title]));
  const chiefs = snapshot.positions.filter((p) => p.roleType === 'chief_executive').sort((a, b) => compareNorwegian(a.title, b.title));

  // Longest chain below each position. A personnel cycle is a data error; it is cut, not followed.
  const longest = new Map<string, string[]>();
  const onPath = new Set<string>();
  const chainFrom = (positionId: string): string[] => {
    const known = longest.get(positionId);
    if (known) return known;
    if (onPath.has(positionId)) return [];
    onPath.add(positionId);
    let best: string[] = [];
    for (const report of reportsTo.get(positionId) ?? []) {
      const chain = chainFrom(report);
      if (chain.length > best.length) best = chain;
    }
    onPath.delete(positionId);
    const chain = [positionId, ...best];
    longest.set(positionId, chain);
    return chain;
  };

  let longestChain: string[] = [];
  for (const chief of chiefs) {
    const chain = chainFrom(chief.id);
    if (chain.length > longestChain.length) longestChain = chain;
  }

  // Layer of each position: its shortest distance from a chief executive (the same as the longest in a tree).
  const layerOf = new Map<string, number>(chiefs.map((c) => [c.id, 1]));
  let frontier = chiefs.map((c) => c.id);
  for (let layer = 2; frontier.length > 0; layer += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const report of reportsTo.get(id) ?? []) {
        if (!layerOf.has(report) && titles.has(report)) {
          layerOf.set(report, layer);
          next.push(report);
        }
      }
    }
    frontier = next;
  }
  const perLayer = new Map<number, number>();
  for (const layer of layerOf.values()) perLayer.set(layer, (perLayer.get(layer) ?? 0) + 1);

  return {
    count: longestChain.length,
    longestChain: longestChain.map((id) => ({ positionId: id, title: titles.get(id) ?? '' })),
    positionsPerLayer: [...perLayer.entries()].sort(([a], [b]) => a - b).map(([layer, positions]) => ({ layer, positions })),
    unreachablePositions: snapshot.positions.filter((p) => !layerOf.has(p.id)).length,
  };
}

function shareBasis(byClass: Record<string, number>): ShareBasis {
  const service = round2(byClass.service ?? 0);
  const staffSupport = round2(byClass.staff_support ?? 0);
  const administration = round2(byClass.administration ?? 0);
  const total = round2(service + staffSupport + administration);
  return { service, staffSupport, administration, total, share: total > 0 ? (staffSupport + administration) / total : null };
}

/**
 * The administration share: FTE in units classified as administration or staff/support, divided by
 * all FTE. The FTE of people (assignments) is the measure; where nobody is assigned, the posts' own
 * FTE is used if recorded; where neither exists the share is unknown, never a division by zero.
 */
export function administrationShare(snapshot: Snapshot): AdministrationShare {
  const classOfUnit = new Map(snapshot.units.map((u) => [u.id, u.classification]));
  const positionClass = new Map<string, string>();
  const byAssignments: Record<string, number> = {};
  const byPosts: Record<string, number> = {};
  const byPositions: Record<string, number> = {};
  let positionsWithFte = 0;
  for (const p of snapshot.positions) {
    const cls = classOfUnit.get(p.unitId);
    if (!cls) continue;
    positionClass.set(p.id, cls);
    byPositions[cls] = (byPositions[cls] ?? 0) + 1;
    if (p.fte !== null) {
      byPosts[cls] = (byPosts[cls] ?? 0) + p.fte;
      positionsWithFte += 1;
    }
  }
  for (const a of snapshot.assignments) {
    const cls = positionClass.get(a.positionId);
    if (cls) byAssignments[cls] = (byAssignments[cls] ?? 0) + a.fte;
  }
  const assignmentFte = shareBasis(byAssignments);
  const postFte = shareBasis(byPosts);
  const positions = shareBasis(byPositions);
  const positionsText = {
    nb:
      positions.share === null
        ? 'Ingen stillinger er registrert.'
        : `Av ${positions.total} stillinger er ${positions.staffSupport + positions.administration} (${percentNb(positions.share)}) i administrasjon eller stab/støtte; det er en telling av stillinger, ikke årsverk.`,
    en:
      positions.share === null
        ? 'No positions are recorded.'
        : `Of ${positions.total} positions, ${positions.staffSupport + positions.administration} (${percentEn(positions.share)}) are in administration or staff/support; that counts positions, not FTE.`,
  };

  const filledPositions = new Set(snapshot.assignments.filter((a) => positionClass.has(a.positionId)).map((a) => a.positionId)).size;
  if (assignmentFte.share !== null) {
    const caveat = coverageCaveat(filledPositions, positions.total);
    return {
      assignmentFte,
      postFte,
      positions,
      basis: 'assignmentFte',
      share: assignmentFte.share,
      filledPositions,
      representative: filledPositions >= representativeCoverage * positions.total,
      note: {
        nb: `Administrasjonsandelen er regnet av årsverkene til personer med tilsetting: ${numberNb(round2(assignmentFte.staffSupport + assignmentFte.administration))} av ${numberNb(assignmentFte.total)} årsverk (${percentNb(assignmentFte.share)}).${caveat ? ` ${caveat.nb}` : ''}`,
        en: `The administration share is computed from the FTE of assigned people: ${round2(assignmentFte.staffSupport + assignmentFte.administration)} of ${assignmentFte.total} FTE (${percentEn(assignmentFte.share)}).${caveat ? ` ${caveat.en}` : ''}`,
      },
    };
  }
  if (postFte.share !== null) {
    return {
      assignmentFte,
      postFte,
      positions,
      basis: 'postFte',
      share: postFte.share,
      filledPositions,
      representative: positionsWithFte >= representativeCoverage * positions.total,
      note: {
        nb: `Ingen personer har tilsetting, så andelen er regnet av stillingenes registrerte årsverk: ${numberNb(round2(postFte.staffSupport + postFte.administration))} av ${numberNb(postFte.total)} (${percentNb(postFte.share)}). ${positionsText.nb}`,
        en: `Nobody is assigned, so the share is computed from the posts' recorded FTE: ${round2(postFte.staffSupport + postFte.administration)} of ${postFte.total} (${percentEn(postFte.share)}). ${positionsText.en}`,
      },
    };
  }
  return {
    assignmentFte,
    postFte,
    positions,
    basis: null,
    share: null,
    filledPositions,
    representative: false,
    note: {
      nb: `Årsverk er 0: ingen personer har tilsetting og ingen stillinger har registrerte årsverk, så administrasjonsandelen kan ikke regnes ut. ${positionsText.nb}`,
      en: `FTE is 0: nobody is assigned and no post has recorded FTE, so the administration share cannot be computed. ${positionsText.en}`,
    },
  };
}

// A frozen snapshot comes from loadSnapshot's cache and stays the same while the organisation
// does: its figures are computed once (at 70 000 positions that takes longer than reading them).
const computed = new WeakMap<Snapshot, Analytics>();

/** Everything the analytics page shows for one snapshot (today's organisation or a scenario's). */
export function computeAnalytics(snapshot: Snapshot): Analytics {
  const known = computed.get(snapshot);
  if (known) return known;
  const analytics = figuresOf(snapshot);
  if (Object.isFrozen(snapshot)) computed.set(snapshot, analytics);
  return analytics;
}

function figuresOf(snapshot: Snapshot): Analytics {
  const own = ownFigures(snapshot);
  const all = emptyAccumulator();
  for (const acc of own.values()) addInto(all, acc);
  return {
    date: snapshot.date,
    totals: { units: snapshot.units.length, ...toFigures(all) },
    units: unitFigures(snapshot, own),
    levels: levelFigures(snapshot, own),
    spans: spansOfControl(snapshot),
    layers: countLayers(snapshot),
    administrationShare: administrationShare(snapshot),
  };
}

/**
 * The goal in the planning documents (003): a smaller share of all resources on administration
 * than Drammen, Nedre Eiker and Svelvik had together. Uses each municipality's latest year.
 */
export function compareWithBaselines(baselines: Baseline[], current: AdministrationShare | null): BaselineComparison {
  // A share that describes a sample (the demo's few people) is no measure of the goal.
  const currentShare = current?.representative ? current.share : null;
  const caveat = current?.basis === 'assignmentFte' ? coverageCaveat(current.filledPositions, current.positions.total) : null;
  const latest = new Map<string, Baseline>();
  for (const b of baselines) {
    const seen = latest.get(b.name);
    if (!seen || b.year > seen.year) latest.set(b.name, b);
  }
  const used = [...latest.values()].sort((a, b) => compareNorwegian(a.name, b.name));
  const adminFte = round2(used.reduce((sum, b) => sum + b.adminFte, 0));
  const totalFte = round2(used.reduce((sum, b) => sum + b.totalFte, 0));
  const combinedShare = totalFte > 0 ? adminFte / totalFte : null;
  const goalMet = combinedShare !== null && currentShare !== null ? currentShare < combinedShare : null;
  const names = used.map((b) => `${b.name} ${b.year}`).join(', ');

  let message: { nb: string; en: string };
  if (combinedShare === null) {
    message = {
      nb: 'Kildene oppgir ikke hvor mange årsverk Drammen, Nedre Eiker og Svelvik brukte på administrasjon. Målet om en mindre andel enn de tre hadde til sammen står i «Forslag til strategi for administrasjon og fellestjenester, Nye Drammen kommune», men tallene det bygger på, er ikke med i kildene. Til noen registrerer dem med kilde, kan målet ikke vurderes.',
      en: 'The sources do not give how many FTE Drammen, Nedre Eiker and Svelvik spent on administration. The goal of a smaller share than the three had together is in "Forslag til strategi for administrasjon og fellestjenester, Nye Drammen kommune", but the figures behind it are not in the sources. Until someone records them with a source, the goal cannot be assessed.',
    };
  } else if (currentShare === null && current?.share !== null && current?.share !== undefined) {
    message = {
      nb: `De tre kommunene hadde til sammen ${percentNb(combinedShare)} (${names}). Andelen i dag kan ikke sammenlignes med den, fordi den hviler på for få stillinger. ${caveat?.nb ?? ''}`.trim(),
      en: `The three municipalities together had ${percentEn(combinedShare)} (${names}). Today's share cannot be compared with it, because it rests on too few positions. ${caveat?.en ?? ''}`.trim(),
    };
  } else if (currentShare === null) {
    message = {
      nb: `De tre kommunene hadde til sammen ${percentNb(combinedShare)} (${names}). Andelen i dag kan ikke regnes ut fordi årsverk er 0, så den kan ikke sammenlignes.`,
      en: `The three municipalities together had ${percentEn(combinedShare)} (${names}). Today's share cannot be computed because FTE is 0, so it cannot be compared.`,
    };
  } else {
    message = {
      nb: `Administrasjonsandelen er ${percentNb(currentShare)}, mot ${percentNb(combinedShare)} i de tre kommunene til sammen (${names}). ${goalMet ? 'Målet om en mindre andel er nådd.' : 'Målet om en mindre andel er ikke nådd.'}`,
      en: `The administration share is ${percentEn(currentShare)}, against ${percentEn(combinedShare)} for the three municipalities together (${names}). ${goalMet ? 'The goal of a smaller share is met.' : 'The goal of a smaller share is not met.'}`,
    };
    if (caveat) message = { nb: `${message.nb} ${caveat.nb}`, en: `${message.en} ${caveat.en}` };
  }
  return {
    used: used.map((b) => ({ id: b.id, name: b.name, year: b.year })),
    adminFte,
    totalFte,
    combinedShare,
    currentShare,
    goalMet,
    message,
  };
}

/**
 * What the analytics page is sent: the totals, levels, layers and share in full, the per-unit
 * roll-ups for one unit and the units directly under it (a drill-down), and the widest spans. At
 * 10× the full lists are 16 000 entries that no page shows at once.
 */
export function analyticsView(
  analytics: Analytics,
  unitId: string | null,
): Pick<AnalyticsResponse, 'units' | 'unitFocus' | 'unitPath' | 'spans' | 'spanSummary'> | null {
  const byId = new Map(analytics.units.map((u) => [u.unitId, u]));
  let focus: UnitFigures | null = null;
  if (unitId !== null) {
    focus = byId.get(unitId) ?? null;
    if (!focus) return null;
  }
  const parentIds = new Set(focus ? [focus.unitId] : analytics.units.filter((u) => u.parentId === null).map((u) => u.unitId));
  const units = analytics.units.filter((u) => parentIds.has(u.unitId) || (u.parentId !== null && parentIds.has(u.parentId)));
  const unitPath: { unitId: string; name: string }[] = [];
  for (let parent = focus?.parentId ?? null; parent !== null && unitPath.length < 50;) {
    const unit = byId.get(parent);
    if (!unit) break;
    unitPath.unshift({ unitId: unit.unitId, name: unit.name });
    parent = unit.parentId;
  }
  const spans = [...analytics.spans]
    .sort((a, b) => Number(b.overThreshold) - Number(a.overThreshold) || b.directReports - a.directReports)
    .slice(0, spansShown);
  return {
    units,
    unitFocus: focus,
    unitPath,
    spans,
    spanSummary: {
      leaders: analytics.spans.length,
      overThreshold: analytics.spans.filter((span) => span.overThreshold).length,
      maxDirectReports: analytics.spans.reduce((max, span) => Math.max(max, span.directReports), 0),
    },
  };
}
