import type { Kysely } from 'kysely';
import { AppError, assertRevision as assertRevisionOf, recordAudit, type KernelTables, type WriteContext } from '../../../kernel/index.js';
import type { Baseline, BaselineCreateBody, BaselineUpdateBody } from '../analytics.schemas.js';
import {
  deleteBaselineRow,
  insertBaseline,
  selectBaseline,
  selectBaselineClash,
  updateBaselineRow,
  type BaselineDb,
} from './analytics.queries.js';
import { assertMayEditInArea } from './editor-area.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';

// The administration baselines of the three former municipalities: record, correct, remove.
// Each command runs in its own transaction and audits what it changed.

const entityType = 'organisation_baseline';

type BaselineValues = { name: string; year: number; adminFte: number; totalFte: number; source: string | null; comment: string | null };

const audit = (trx: BaselineDb, context: WriteContext, entry: Parameters<typeof recordAudit>[2]) =>
  recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);

const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Refuses figures that cannot be a share: no total, or more administration than in total. */
function checkFigures(values: BaselineValues): void {
  if (values.totalFte <= 0) {
    throw new AppError('invalid', {
      message: { nb: 'Totalt antall årsverk må være større enn 0.', en: 'Total FTE must be greater than 0.' },
      details: [{ in: 'body', path: 'totalFte', problem: 'must be > 0' }],
    });
  }
  if (values.adminFte > values.totalFte) {
    throw new AppError('invalid', {
      message: {
        nb: `Årsverk i administrasjon (${values.adminFte}) kan ikke være flere enn totalt antall årsverk (${values.totalFte}).`,
        en: `Administration FTE (${values.adminFte}) cannot exceed total FTE (${values.totalFte}).`,
      },
      details: [{ in: 'body', path: 'adminFte', problem: 'must be <= totalFte' }],
    });
  }
}

async function refuseClash(trx: BaselineDb, values: BaselineValues, exceptId?: string): Promise<void> {
  const clash = await selectBaselineClash(trx, values.name, values.year, exceptId);
  if (clash) {
    throw new AppError('conflict', {
      message: {
        nb: `${clash.name} har allerede et utgangspunkt for ${clash.year}. Endre det i stedet for å legge inn et nytt.`,
        en: `${clash.name} already has a baseline for ${clash.year}. Edit it instead of adding another.`,
      },
      details: { id: clash.id },
    });
  }
}

// The former municipalities' figures belong to no area of today's organisation.
const assertMayEditBaselines = (trx: BaselineDb, context: WriteContext) =>
  assertMayEditInArea(
    trx as unknown as OrganisationDb,
    context,
    { municipality: { nb: 'utgangspunktet for de tidligere kommunene', en: 'the former municipalities’ baseline' } },
    todayInNorway(),
  );

const notFound = (id: string) =>
  new AppError('not_found', { message: { nb: `Fant ikke utgangspunktet (id ${id}).`, en: `The baseline was not found (id ${id}).` } });

function assertRevision(current: Baseline, sent: number): void {
  assertRevisionOf({ nb: 'utgangspunktet', en: 'the baseline' }, current.revision, sent);
}

export async function createBaseline(db: BaselineDb, context: WriteContext, input: BaselineCreateBody): Promise<Baseline> {
  const values: BaselineValues = {
    name: input.name.trim(),
    year: input.year,
    adminFte: input.adminFte,
    totalFte: input.totalFte,
    source: clean(input.source),
    comment: clean(input.comment),
  };
  return db.transaction().execute(async (trx) => {
    await assertMayEditBaselines(trx, context);
    checkFigures(values);
    await refuseClash(trx, values);
    const created = await insertBaseline(trx, values);
    await audit(trx, context, { action: 'create', entityType, entityId: created.id, after: created });
    return created;
  });
}

export async function updateBaseline(db: BaselineDb, context: WriteContext, id: string, input: BaselineUpdateBody): Promise<Baseline> {
  return db.transaction().execute(async (trx) => {
    await assertMayEditBaselines(trx, context);
    const current = await selectBaseline(trx, id, true);
    if (!current) throw notFound(id);
    assertRevision(current, input.revision);
    const values: BaselineValues = {
      name: input.name?.trim() ?? current.name,
      year: input.year ?? current.year,
      adminFte: input.adminFte ?? current.adminFte,
      totalFte: input.totalFte ?? current.totalFte,
      source: input.source === undefined ? current.source : clean(input.source),
      comment: input.comment === undefined ? current.comment : clean(input.comment),
    };
    checkFigures(values);
    await refuseClash(trx, values, id);
    const updated = await updateBaselineRow(trx, id, values);
    await audit(trx, context, { action: 'change', entityType, entityId: id, before: current, after: updated });
    return updated;
  });
}

export async function deleteBaseline(db: BaselineDb, context: WriteContext, id: string, revision: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertMayEditBaselines(trx, context);
    const current = await selectBaseline(trx, id, true);
    if (!current) throw notFound(id);
    assertRevision(current, revision);
    await deleteBaselineRow(trx, id);
    await audit(trx, context, { action: 'delete', entityType, entityId: id, before: current });
  });
}
