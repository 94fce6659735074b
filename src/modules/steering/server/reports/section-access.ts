import { AppError, can, type Actor } from '../../../../kernel/index.js';
import { leadsUnit, type OrganisationDb } from '../../../organisation/index.js';
import type { SteeringDb } from '../steering.tables.js';
import { todayInNorway } from './reports.queries.js';

/** Analysts (steering:write) may write every area's texts; a unit leader those of the areas their units belong to. */
export async function mayWriteArea(trx: SteeringDb, actor: Actor | null, areaId: string): Promise<boolean> {
  if (!actor) return false;
  if (await can(actor, 'steering:write')) return true;
  const units = await trx.selectFrom('st_area_units').select('unit_id').where('area_id', '=', areaId).execute();
  const today = todayInNorway();
  for (const { unit_id } of units) if (await leadsUnit(trx as unknown as OrganisationDb, actor, unit_id, today)) return true;
  return false;
}

export async function assertMayWriteArea(trx: SteeringDb, actor: Actor | null, areaId: string): Promise<void> {
  if (!(await mayWriteArea(trx, actor, areaId)))
    throw new AppError('forbidden', {
      message: {
        nb: 'Bare ledere for enhetene i programområdet og analytikerne kan skrive i denne delen av rapporten.',
        en: "Only leaders of the programme area's units and the analysts can write this part of the report.",
      },
    });
}

export interface LockedSection {
  id: string;
  area_id: string;
  status_text: string;
  assessment: string;
  conclusion: string;
  state: 'open' | 'submitted' | 'approved' | 'returned';
  review_comment: string | null;
  revision: number;
}

export async function lockSection(trx: SteeringDb, reportId: string, areaId: string): Promise<LockedSection> {
  const section = await trx
    .selectFrom('st_report_sections')
    .select(['id', 'area_id', 'status_text', 'assessment', 'conclusion', 'state', 'review_comment', 'revision'])
    .where('report_id', '=', reportId)
    .where('area_id', '=', areaId)
    .forUpdate()
    .executeTakeFirst();
  if (!section)
    throw new AppError('not_found', {
      message: { nb: 'Rapporten har ingen del for dette programområdet.', en: 'The report has no section for this programme area.' },
    });
  return section;
}
