import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateCoverageBody, WriteResult } from '../../places.schemas.js';
import type { PlacesDb } from '../places.tables.js';
import { checkCoverage } from './coverage-rules.js';
import { assertMayEditCoverage, audit, cleanText } from './shared.js';

/** Records where and how a service is delivered in a district, for a period. */
export async function addCoverage(trx: PlacesDb, context: WriteContext, input: CreateCoverageBody): Promise<WriteResult> {
  const row = {
    serviceId: input.serviceId,
    districtNumber: input.districtNumber,
    siteId: input.siteId ?? null,
    mode: input.mode ?? null,
    weeklyTimes: input.weeklyTimes ?? null,
    period: { validFrom: input.validFrom, validTo: input.validTo ?? null },
  };
  await assertMayEditCoverage(trx, context, row.serviceId, [row.period]);
  const districtId = await checkCoverage(trx, row);
  const inserted = await trx
    .insertInto('places_coverage')
    .values({
      service_id: row.serviceId,
      district_id: districtId,
      site_id: row.siteId,
      mode: row.mode,
      weekly_times: row.weeklyTimes ? JSON.stringify(row.weeklyTimes) : null,
      schedule_note: cleanText(input.scheduleNote),
      valid_from: row.period.validFrom,
      valid_to: row.period.validTo,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'create',
    entityType: 'places_coverage',
    entityId: inserted.id,
    after: { ...inserted, districtNumber: row.districtNumber },
  });
  return { id: inserted.id, revision: inserted.revision };
}
