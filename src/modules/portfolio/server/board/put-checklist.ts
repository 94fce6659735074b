import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { ChecklistItem, PutChecklistBody } from '../../board.schemas.js';
import type { DecisionPoint, PortfolioDb } from '../portfolio.tables.js';
import { audit, selectChecklists } from './board.queries.js';

const boardSource = 'Porteføljestyret';

/**
 * Replaces a decision point's checklist: listed items are added or changed, items left out are made
 * inactive (never deleted, so past decisions keep what their answers meant).
 */
export async function putChecklist(
  trx: PortfolioDb,
  context: WriteContext,
  point: DecisionPoint,
  input: PutChecklistBody,
): Promise<{ decisionPoint: DecisionPoint; items: ChecklistItem[]; version: string }> {
  const seen = new Set<string>();
  for (const item of input.items) {
    if (seen.has(item.key)) {
      throw new AppError('invalid', {
        message: { nb: `Punktet «${item.key}» står to ganger i listen.`, en: `The item "${item.key}" is listed twice.` },
        details: [{ in: 'body', path: 'items', problem: 'duplicate key', key: item.key }],
      });
    }
    seen.add(item.key);
  }
  const current = (await selectChecklists(trx)).find((p) => p.decisionPoint === point)!;
  if (current.version !== input.version) {
    throw new AppError('stale', {
      message: {
        nb: `Sjekklisten for ${point} er endret av noen andre siden du åpnet den. Last inn på nytt og gjør endringen igjen.`,
        en: `The checklist for ${point} was changed by someone else since you opened it. Reload and make the change again.`,
      },
    });
  }
  const before = current.items;
  for (const item of input.items) {
    const existing = before.find((b) => b.key === item.key);
    const values = { label_nb: item.label.nb.trim(), label_en: item.label.en.trim(), sort_order: item.order, active: item.active };
    if (existing) {
      const changed =
        existing.label.nb !== values.label_nb ||
        existing.label.en !== values.label_en ||
        existing.order !== values.sort_order ||
        existing.active !== values.active;
      if (changed) {
        const labelChanged = existing.label.nb !== values.label_nb || existing.label.en !== values.label_en;
        await trx
          .updateTable('pf_checklist_items')
          .set({ ...values, ...(labelChanged ? { source: boardSource } : {}) })
          .where('decision_point', '=', point)
          .where('key', '=', item.key)
          .execute();
      }
    } else {
      await trx
        .insertInto('pf_checklist_items')
        .values({ decision_point: point, key: item.key, ...values, source: boardSource })
        .execute();
    }
  }
  const leftOut = before.filter((b) => b.active && !seen.has(b.key)).map((b) => b.key);
  if (leftOut.length > 0) {
    await trx
      .updateTable('pf_checklist_items')
      .set({ active: false })
      .where('decision_point', '=', point)
      .where('key', 'in', leftOut)
      .execute();
  }
  const after = (await selectChecklists(trx)).find((p) => p.decisionPoint === point)!;
  await audit(trx, context, {
    action: 'update',
    entityType: 'pf_checklist',
    entityId: null,
    before: { decisionPoint: point, items: before },
    after,
  });
  return after;
}
