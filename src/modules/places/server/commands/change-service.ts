import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeServiceBody, WriteResult } from '../../places.schemas.js';
import type { PlacesDb } from '../places.tables.js';
import { changeVersioned } from './change-versioned.js';
import { assertMayEditPlace, assertOrganisationCovers, cleanText, municipalityWide } from './shared.js';

export type ChangeServiceInput = ChangeServiceBody & { id: string };

/** Changes a service from `validFrom` (description, delivering unit, proximity class …) as a new version. */
export async function changeService(trx: PlacesDb, context: WriteContext, input: ChangeServiceInput): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'tjenestekatalogen', en: 'the service catalogue' }), input.validFrom);
  const text = (value: string | null | undefined) => (value === undefined ? undefined : cleanText(value));
  return changeVersioned(trx, context, {
    table: 'places_services',
    id: input.id,
    revision: input.revision,
    validFrom: input.validFrom,
    entityType: 'places_service',
    wanted: {
      name: input.name?.trim(),
      description: text(input.description),
      target_groups: input.targetGroups?.map((group) => group.trim()),
      delivering_unit_id: input.deliveringUnitId,
      legal_basis: text(input.legalBasis),
      proximity_class: input.proximityClass,
      channels: input.channels,
      contact: text(input.contact),
      entry_points: input.entryPoints,
      universal_role: input.universalRole,
      source: text(input.source),
      note: text(input.note),
    },
    check: async (period, next, changes) => {
      if ('delivering_unit_id' in changes) {
        await assertOrganisationCovers(trx, 'org_unit_versions', String(next.delivering_unit_id), period, 'deliveringUnitId');
      }
    },
  });
}
