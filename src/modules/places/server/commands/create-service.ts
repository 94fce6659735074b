import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateServiceBody, WriteResult } from '../../places.schemas.js';
import type { Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import {
  assertEndAfterStart,
  assertMayEditPlace,
  assertOrganisationCovers,
  audit,
  chooseKey,
  cleanText,
  municipalityWide,
} from './shared.js';

/** Adds a service to the catalogue from `validFrom`, delivered by a unit that exists all that time. */
export async function createService(trx: PlacesDb, context: WriteContext, input: CreateServiceBody): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'tjenestekatalogen', en: 'the service catalogue' }), input.validFrom);
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertEndAfterStart(period);
  await assertOrganisationCovers(trx, 'org_unit_versions', input.deliveringUnitId, period, 'deliveringUnitId');
  const name = input.name.trim();
  const key = await chooseKey(trx, 'places_services', input.key, name);

  const service = await trx.insertInto('places_services').values({ key }).returning(['id', 'revision']).executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('places_service_versions')
    .values({
      service_id: service.id,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      name,
      description: cleanText(input.description),
      target_groups: (input.targetGroups ?? []).map((group) => group.trim()),
      delivering_unit_id: input.deliveringUnitId,
      legal_basis: cleanText(input.legalBasis),
      proximity_class: input.proximityClass,
      channels: input.channels ?? [],
      contact: cleanText(input.contact),
      entry_points: input.entryPoints ?? [],
      universal_role: input.universalRole ?? null,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returning(['id', 'name', 'valid_from', 'valid_to', 'delivering_unit_id', 'proximity_class'])
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'create', entityType: 'places_service', entityId: service.id, after: { key, ...input, ...version } });
  return { id: service.id, revision: service.revision };
}
