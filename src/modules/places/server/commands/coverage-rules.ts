import type { WeeklyTime } from '../../places.schemas.js';
import { asPeriod, describePeriod, overlaps, type Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import {
  assertEndAfterStart,
  assertOrganisationCovers,
  assertPlaceCovers,
  assertTimesInOrder,
  conflict,
  districtCovering,
  invalid,
} from './shared.js';

export interface CoverageInput {
  serviceId: string;
  districtNumber: number;
  siteId: string | null;
  mode: string | null;
  weeklyTimes: WeeklyTime[] | null;
  period: Period;
}

/**
 * What every coverage row must satisfy: a schedule that ends after it starts; a service, district
 * and site that exist all the period; a delivering unit that is not closed; no second row for the
 * same service and district at the same time. Returns the district's id.
 */
export async function checkCoverage(trx: PlacesDb, input: CoverageInput, exceptId?: string): Promise<string> {
  assertEndAfterStart(input.period);
  assertTimesInOrder(input.weeklyTimes, 'weeklyTimes');
  if (input.mode === 'extended_period' && input.period.validTo === null) {
    throw invalid('En periode med utvidet tilbud må ha en sluttdato.', 'A period of extended offer needs an end date.', [
      { in: 'body', path: 'validTo', problem: 'required for extended_period' },
    ]);
  }
  const serviceVersions = await assertPlaceCovers(trx, 'places_services', input.serviceId, input.period, 'serviceId');
  // Coverage for a unit that is closed (during the period) is refused: check each version's unit for the days it holds.
  for (const version of serviceVersions) {
    const span = asPeriod(version);
    if (!overlaps(span, input.period)) continue;
    const from = span.validFrom > input.period.validFrom ? span.validFrom : input.period.validFrom;
    const to =
      span.validTo === null
        ? input.period.validTo
        : input.period.validTo === null || span.validTo < input.period.validTo
          ? span.validTo
          : input.period.validTo;
    await assertOrganisationCovers(
      trx,
      'org_unit_versions',
      String(version.delivering_unit_id),
      { validFrom: from, validTo: to },
      'serviceId',
    );
  }
  const districtId = await districtCovering(trx, input.districtNumber, input.period);
  if (input.siteId) await assertPlaceCovers(trx, 'places_sites', input.siteId, input.period, 'siteId');

  let query = trx
    .selectFrom('places_coverage')
    .select(['id', 'valid_from', 'valid_to'])
    .where('service_id', '=', input.serviceId)
    .where('district_id', '=', districtId);
  if (exceptId) query = query.where('id', '<>', exceptId);
  const clash = (await query.forUpdate().execute()).find((row) => overlaps(asPeriod(row), input.period));
  if (clash) {
    throw conflict(
      `Tjenesten har allerede dekning i kommunedel ${input.districtNumber} i en overlappende periode (${describePeriod(asPeriod(clash))}). Endre den i stedet.`,
      `The service already has coverage in district ${input.districtNumber} in an overlapping period. Change that one instead.`,
      { in: 'body', path: 'validFrom', coverageId: clash.id },
    );
  }
  return districtId;
}
