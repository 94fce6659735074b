import { Button, Checkbox, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { ChecklistItem, DecisionPoint } from '../board.schemas';
import { BoardForm, BoardProblems, useBoardWrite } from './board-form';
import { checklistsQuery, invalidatePortfolio, putChecklist } from './board-api';
import { Announce, pointName, points } from './board-parts';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n } from './i18n';

// The checklist of each decision point: a table for readers, an editor for the board.

export function ChecklistSettings({ isBoard }: { isBoard: boolean }) {
  const { t } = usePortfolioI18n();
  const query = useQuery(checklistsQuery);
  const [shown, setShown] = useState<DecisionPoint>('BP1');
  return (
    <section className="kp-pf-board-section" aria-labelledby="kp-pf-checklists">
      <SectionHeading id="kp-pf-checklists">{t('board.checklists.heading')}</SectionHeading>
      <Paragraph>{t('board.checklists.intro')}</Paragraph>
      {query.isPending && <Loading label={t('board.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <div>
        <Label htmlFor="kp-pf-checklist-point">{t('board.checklists.show')}</Label>
        <Select id="kp-pf-checklist-point" value={shown} onChange={(e) => setShown(e.target.value as DecisionPoint)}>
          {points.map((p) => (
            <option key={p} value={p}>
              {pointName(t, p)}
            </option>
          ))}
        </Select>
      </div>
      {query.data?.points
        .filter((p) => p.decisionPoint === shown)
        .map((p) =>
          isBoard ? (
            <ChecklistEditor key={p.decisionPoint} point={p.decisionPoint} items={p.items} version={p.version} />
          ) : (
            <ChecklistTable key={p.decisionPoint} point={p.decisionPoint} items={p.items} />
          ),
        )}
    </section>
  );
}

function ChecklistTable({ point, items }: { point: DecisionPoint; items: ChecklistItem[] }) {
  const { t, pick } = usePortfolioI18n();
  return (
    <PortfolioTable
      caption={t('board.checklists.caption', { point: pointName(t, point) })}
      headers={[t('board.checklists.col.label'), t('board.checklists.active'), t('board.checklists.col.source')]}
      className="kp-pf-table"
    >
      {items.map((item) => (
        <Table.Row key={item.key}>
          <Table.Cell>{pick(item.label)}</Table.Cell>
          <Table.Cell>{t(item.active ? 'board.yes' : 'board.no')}</Table.Cell>
          <Table.Cell>{item.source ?? '–'}</Table.Cell>
        </Table.Row>
      ))}
    </PortfolioTable>
  );
}

function ChecklistEditor({
  point,
  items: initial,
  version: readVersion,
}: {
  point: DecisionPoint;
  items: ChecklistItem[];
  version: string;
}) {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [items, setItems] = useState(initial.map((i) => ({ key: i.key, label: { ...i.label }, order: i.order, active: i.active })));
  // The version the edits were made from: kept until this editor saves, so a change by someone else
  // in between is refused (409) rather than overwritten, even if the list was refetched meanwhile.
  const [version, setVersion] = useState(readVersion);
  const [newKey, setNewKey] = useState('');
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const { error, setError, pending, send } = useBoardWrite();
  const [saved, setSaved] = useState<string | null>(null);
  const set = (index: number, patch: Partial<(typeof items)[number]>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  function add() {
    const key = newKey.trim();
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(key) || items.some((i) => i.key === key)) {
      setKeyProblem(t('board.checklists.keyInvalid'));
      document.getElementById(`${ids}-new`)?.focus();
      return;
    }
    setKeyProblem(null);
    setItems([...items, { key, label: { nb: key, en: key }, order: (items.at(-1)?.order ?? 0) + 10, active: true }]);
    setNewKey('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setKeyProblem(null);
    setError(null);
    setSaved(null);
    await send(async () => {
      const answer = await putChecklist(point, { version, items });
      setVersion(answer.version);
      setSaved(t('board.checklists.done', { point }));
      await invalidatePortfolio(queryClient);
    });
  }

  return (
    <BoardForm headingId={`${ids}-heading`} heading={t('board.checklists.point', { point: pointName(t, point) })} onSubmit={submit}>
      {items.map((item, index) => (
        <fieldset key={item.key} className="kp-pf-checklist-item" aria-label={t('board.checklists.item', { key: item.key })}>
          <Textfield
            label={t('board.checklists.labelNb')}
            value={item.label.nb}
            onChange={(e) => set(index, { label: { ...item.label, nb: e.target.value } })}
          />
          <Textfield
            label={t('board.checklists.labelEn')}
            value={item.label.en}
            onChange={(e) => set(index, { label: { ...item.label, en: e.target.value } })}
          />
          <Textfield
            label={t('board.checklists.order')}
            inputMode="numeric"
            value={String(item.order)}
            onChange={(e) => set(index, { order: Number(e.target.value.replace(/\D/g, '')) || 0 })}
          />
          <Checkbox label={t('board.checklists.active')} checked={item.active} onChange={(e) => set(index, { active: e.target.checked })} />
        </fieldset>
      ))}
      <div className="kp-pf-form-row">
        <Textfield id={`${ids}-new`} label={t('board.checklists.key')} value={newKey} onChange={(e) => setNewKey(e.target.value)} />
        <Button type="button" variant="secondary" onClick={add}>
          {t('board.checklists.add')}
        </Button>
      </div>
      <BoardProblems problems={keyProblem ? [{ id: `${ids}-new`, message: keyProblem }] : []} error={error} />
      <Announce message={saved} />
      <div>
        <Button type="submit" variant="secondary" loading={pending}>
          {t('board.checklists.save', { point })}
        </Button>
      </div>
    </BoardForm>
  );
}
