import type { WriteContext } from '../../../../kernel/index.js';
import type { WriteResult } from '../../places.schemas.js';
import type { Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import {
  assertRevision,
  audit,
  bumpRevision,
  changedColumns,
  lockIdentity,
  lockVersions,
  nothingChanged,
  nouns,
  openVersionFrom,
  versionOn,
  versionTableOf,
  type IdentityTable,
  type VersionRow,
} from './shared.js';

export interface ChangeSpec {
  table: IdentityTable;
  id: string;
  revision: number;
  validFrom: string;
  /** Column → wanted value; undefined: not asked to change. */
  wanted: Record<string, unknown>;
  /** Checks the new version (the holding one with the changes) over the period it will hold. */
  check?: (period: Period, next: VersionRow, changes: Record<string, unknown>) => Promise<void>;
  entityType: string;
}

/**
 * The shape every "change from a date" of a district, hub, site or service shares: the version
 * that holds on `validFrom` ends the day before and a new one with the changes runs from
 * `validFrom` until the old one would have ended. Later planned versions stay as they are.
 */
export async function changeVersioned(trx: PlacesDb, context: WriteContext, spec: ChangeSpec): Promise<WriteResult> {
  const identity = await lockIdentity(trx, spec.table, spec.id);
  assertRevision(nouns[spec.table], identity.revision, spec.revision);
  const versionTable = versionTableOf[spec.table];
  const versions = await lockVersions(trx, versionTable, spec.id);
  const holding = versionOn(versions, spec.validFrom, spec.table, spec.id);
  const changes = changedColumns(holding, spec.wanted);
  if (Object.keys(changes).length === 0) throw nothingChanged();
  const period: Period = { validFrom: spec.validFrom, validTo: holding.valid_to };
  await spec.check?.(period, { ...holding, ...changes }, changes);

  const opened = await openVersionFrom(trx, versionTable, holding, spec.validFrom, changes);
  const revision = await bumpRevision(trx, spec.table, spec.id);
  await audit(trx, context, {
    action: 'change',
    entityType: spec.entityType,
    entityId: spec.id,
    before: holding,
    after: { ...opened, revision },
  });
  return { id: spec.id, revision };
}
