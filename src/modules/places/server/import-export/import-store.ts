import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, assertImportPlanned, counted, isUuid, type WriteContext } from '../../../../kernel/index.js';
import type { ImportReport, PlacesEntity, PlacesFileFormat, PlacesImportView } from '../../import-export.schemas.js';
import { audit } from '../commands/shared.js';
import type { PlacesDb } from '../places.tables.js';
import { runImport } from './apply-import.js';
import { placesFingerprint } from './import-export.queries.js';
import type { ParsedImport } from './places-format.js';

// The confirm step, as the organisation's import has it: an upload runs the dry run and stores it
// (places_imports, migrations/0002); an apply names that dry run by id and the revision the editor
// read, and carries out exactly that file, all or nothing, or is refused.

export const placesImportEntityType = 'places_import';

interface ImportRow {
  id: string;
  fileName: string;
  fileHash: string;
  format: PlacesFileFormat;
  entity: PlacesEntity | null;
  validFrom: string;
  content: ParsedImport;
  report: ImportReport;
  baseFingerprint: string;
  status: 'planned' | 'applied';
  revision: number;
  createdAt: Date;
  appliedAt: Date | null;
}

export const fileHashOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
/** As jsonb takes it: a NUL character cannot be stored (a row with one is a problem, so it is never applied). */
const jsonb = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\0', '\uFFFD') : v));

function toRow(raw: Record<string, unknown>): ImportRow {
  return {
    id: String(raw.id),
    fileName: String(raw.file_name),
    fileHash: String(raw.file_hash),
    format: raw.format as PlacesFileFormat,
    entity: (raw.entity as PlacesEntity | null) ?? null,
    validFrom: isoDate(raw.valid_from),
    content: json<ParsedImport>(raw.content),
    report: json<ImportReport>(raw.report),
    baseFingerprint: String(raw.base_fingerprint),
    status: raw.status as ImportRow['status'],
    revision: Number(raw.revision),
    createdAt: new Date(raw.created_at as string),
    appliedAt: raw.applied_at ? new Date(raw.applied_at as string) : null,
  };
}

async function selectImport(db: PlacesDb, id: string, lock = false): Promise<ImportRow | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await sql<Record<string, unknown>>`
    select * from places_imports where id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0] ? toRow(rows[0]) : undefined;
}

function importNotFound(id: string): AppError {
  return new AppError('not_found', {
    message: {
      nb: `Fant ikke prøveimporten (id ${id}). Last opp filen og kjør prøveimporten først.`,
      en: `The dry run was not found (id ${id}). Upload the file and run the dry run first.`,
    },
  });
}

/** Runs the dry run of a file and keeps it, so that it can be applied by its id. Changes no place. */
export async function dryRunAndStore(
  db: PlacesDb,
  context: WriteContext,
  parsed: ParsedImport,
  validFrom: string,
  file: { hash: string; entity: PlacesEntity | null },
): Promise<ImportRow> {
  const { report, fingerprint } = await runImport(db, context, parsed, validFrom, null);
  await sql`delete from places_imports where status = 'planned' and created_at < now() - interval '30 days'`.execute(db);
  const { rows } = await sql<Record<string, unknown>>`
    insert into places_imports (created_by, file_name, file_hash, format, entity, valid_from, content, report, base_fingerprint)
    values (${context.actor?.userId ?? null}, ${parsed.fileName}, ${file.hash}, ${parsed.format}, ${file.entity}, ${validFrom},
      ${jsonb(parsed)}::jsonb, ${jsonb(report)}::jsonb, ${fingerprint})
    returning *`.execute(db);
  return toRow(rows[0]!);
}

export async function findPlacesImport(db: PlacesDb, id: string): Promise<ImportRow> {
  const row = await selectImport(db, id);
  if (!row) throw importNotFound(id);
  return row;
}

/** The stored dry run as the API shows it: its report, and whether it may be applied now. */
export async function presentImport(db: PlacesDb, row: ImportRow): Promise<PlacesImportView> {
  const baseChanged = row.status === 'planned' && (await placesFingerprint(db)) !== row.baseFingerprint;
  return {
    ...row.report,
    id: row.id,
    revision: row.revision,
    status: row.status,
    fileHash: row.fileHash,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt ? row.appliedAt.toISOString() : null,
    canApply: row.status === 'planned' && !baseChanged && row.report.problems.length === 0 && row.report.changes.length > 0,
    baseChanged,
  };
}

/** The dry run, locked, at the revision the editor read and not yet applied. */
function assertPlanned(row: ImportRow | undefined, id: string, revision: number): ImportRow {
  if (!row) throw importNotFound(id);
  assertImportPlanned(row, revision);
  return row;
}

/**
 * Applies a stored dry run all or nothing: refused when it has problems, when places changed since
 * it ran, or when a row would now do anything else; every write is audited, and so is the apply.
 */
export async function applyPlacesImport(db: PlacesDb, context: WriteContext, id: string, revision: number): Promise<ImportRow> {
  const stored = assertPlanned(await selectImport(db, id), id, revision);
  const problems = stored.report.problems.length;
  if (problems > 0) {
    throw new AppError('conflict', {
      message: {
        nb: `Prøveimporten fant ${counted('nb', problems, 'problem', 'problemer')}, så filen kan ikke importeres. Rett filen og kjør prøveimporten på nytt.`,
        en: `The dry run found ${counted('en', problems, 'problem', 'problems')}, so the file cannot be imported. Correct the file and run the dry run again.`,
      },
      details: { reason: 'problems', problems },
    });
  }
  let applied: ImportRow | undefined;
  const { report } = await runImport(db, context, stored.content, stored.validFrom, {
    before: async (trx) => {
      const row = assertPlanned(await selectImport(trx, id, true), id, revision);
      return { fingerprint: row.baseFingerprint, changes: row.report.changes };
    },
    after: async (trx, done) => {
      const { rows } = await sql<Record<string, unknown>>`
        update places_imports
        set status = 'applied', report = ${jsonb(done)}::jsonb, revision = revision + 1, applied_at = now(),
          applied_by = ${context.actor?.userId ?? null}
        where id = ${id}
        returning *`.execute(trx);
      applied = toRow(rows[0]!);
      const created = Object.values(done.counts).reduce((sum, c) => sum + c.created, 0);
      const changed = Object.values(done.counts).reduce((sum, c) => sum + c.changed, 0);
      // Each write is audited by its command; an apply that writes nothing leaves the log as it is.
      if (created + changed > 0)
        await audit(trx, context, {
          action: 'apply',
          entityType: placesImportEntityType,
          entityId: id,
          before: { fileName: stored.fileName, fileHash: stored.fileHash, validFrom: stored.validFrom, status: 'planned' },
          after: { fileName: stored.fileName, fileHash: stored.fileHash, validFrom: stored.validFrom, status: 'applied', created, changed },
        });
    },
  });
  if (!applied) {
    // A row the dry run accepted is refused now (the organisation changed under it, say): nothing is written.
    const n = report.problems.length;
    throw new AppError('conflict', {
      message: {
        nb: `Importen ble ikke gjort: filen har nå ${counted('nb', n, 'problem', 'problemer')}. Ingenting er endret. Kjør prøveimporten på nytt.`,
        en: `The import was not applied: the file now has ${counted('en', n, 'problem', 'problems')}. Nothing was changed. Run the dry run again.`,
      },
      details: report,
    });
  }
  return applied;
}
