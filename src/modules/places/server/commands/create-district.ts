import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateDistrictBody, WriteResult } from '../../places.schemas.js';
import { asPeriod, describePeriod, overlaps, type Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import {
  assertEndAfterStart,
  assertMayEditPlace,
  assertOrganisationCovers,
  audit,
  bumpRevision,
  cleanText,
  conflict,
  municipalityWide,
} from './shared.js';

/**
 * Creates district `number` from `validFrom`, or adds a later period to a number that existed
 * before; a period that overlaps the number's existing ones is refused.
 */
export async function createDistrict(trx: PlacesDb, context: WriteContext, input: CreateDistrictBody): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'kommunedelen', en: 'the district' }), input.validFrom);
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertEndAfterStart(period);
  const existing = await trx
    .selectFrom('places_districts')
    .select(['id', 'revision'])
    .where('number', '=', input.number)
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    const versions = await trx.selectFrom('places_district_versions').selectAll().where('district_id', '=', existing.id).execute();
    const clash = versions.find((v) => overlaps(asPeriod(v), period));
    if (clash) {
      throw conflict(
        `Kommunedel ${input.number} finnes allerede i perioden (${clash.name}, ${describePeriod(asPeriod(clash))}). Gyldighetsperiodene kan ikke overlappe; endre kommunedelen i stedet.`,
        `District ${input.number} already exists in that period ("${clash.name}"). Validity periods cannot overlap; change the district instead.`,
        { in: 'body', path: 'validFrom' },
      );
    }
  }
  if (input.localCoordinatorPositionId) {
    await assertOrganisationCovers(trx, 'org_position_versions', input.localCoordinatorPositionId, period, 'localCoordinatorPositionId');
  }

  const district =
    existing ??
    (await trx.insertInto('places_districts').values({ number: input.number }).returning(['id', 'revision']).executeTakeFirstOrThrow());
  const version = await trx
    .insertInto('places_district_versions')
    .values({
      district_id: district.id,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      name: input.name.trim(),
      short_name: cleanText(input.shortName),
      population: input.population ?? null,
      population_year: input.populationYear ?? null,
      population_source: cleanText(input.populationSource),
      local_committee_name: cleanText(input.localCommitteeName),
      local_coordinator_position_id: input.localCoordinatorPositionId ?? null,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const revision = existing ? await bumpRevision(trx, 'places_districts', district.id) : district.revision;
  await audit(trx, context, {
    action: 'create',
    entityType: 'places_district',
    entityId: district.id,
    after: { number: input.number, ...version },
  });
  return { id: district.id, revision };
}
