import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeCoverageBody, WeeklyTime, WriteResult } from '../../places.schemas.js';
import type { PlacesDb } from '../places.tables.js';
import { checkCoverage } from './coverage-rules.js';
import {
  assertMayEditCoverage,
  assertRevision,
  audit,
  bumpRevision,
  changedColumns,
  cleanText,
  columnValue,
  isUuid,
  nothingChanged,
  notFound,
} from './shared.js';

export type ChangeCoverageInput = ChangeCoverageBody & { id: string };

/** Edits a coverage row in place (site, how, times, dates), checked as a new one would be. */
export async function changeCoverage(trx: PlacesDb, context: WriteContext, input: ChangeCoverageInput): Promise<WriteResult> {
  const current = isUuid(input.id)
    ? await trx.selectFrom('places_coverage').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst()
    : undefined;
  if (!current) throw notFound(`Fant ikke dekningen (id ${input.id}).`, `The coverage was not found (id ${input.id}).`);
  // Both the row as it is and as it would be must belong to the editor's area.
  const wanted = {
    validFrom: input.validFrom ?? current.valid_from,
    validTo: input.validTo === undefined ? current.valid_to : input.validTo,
  };
  await assertMayEditCoverage(trx, context, current.service_id, [{ validFrom: current.valid_from, validTo: current.valid_to }, wanted]);
  assertRevision({ nb: 'dekningen', en: 'the coverage' }, current.revision, input.revision);
  const text = (value: string | null | undefined) => (value === undefined ? undefined : cleanText(value));
  const changes = changedColumns(current, {
    site_id: input.siteId,
    mode: input.mode,
    weekly_times: input.weeklyTimes,
    schedule_note: text(input.scheduleNote),
    valid_from: input.validFrom,
    valid_to: input.validTo,
    source: text(input.source),
    note: text(input.note),
  });
  if (Object.keys(changes).length === 0) throw nothingChanged();
  const next = { ...current, ...changes };
  const district = await trx
    .selectFrom('places_districts')
    .select('number')
    .where('id', '=', current.district_id)
    .executeTakeFirstOrThrow();
  await checkCoverage(
    trx,
    {
      serviceId: current.service_id,
      districtNumber: district.number,
      siteId: next.site_id as string | null,
      mode: next.mode as string | null,
      weeklyTimes: next.weekly_times as WeeklyTime[] | null,
      period: { validFrom: next.valid_from as string, validTo: next.valid_to as string | null },
    },
    current.id,
  );
  const sets = Object.fromEntries(Object.entries(changes).map(([column, value]) => [column, columnValue(column, value)]));
  const after = await trx.updateTable('places_coverage').set(sets).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
  const revision = await bumpRevision(trx, 'places_coverage', current.id);
  await audit(trx, context, {
    action: 'change',
    entityType: 'places_coverage',
    entityId: current.id,
    before: current,
    after: { ...after, revision },
  });
  return { id: current.id, revision };
}
