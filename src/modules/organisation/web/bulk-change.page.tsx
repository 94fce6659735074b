import './bulk-change.css';
import { Button, Checkbox, Fieldset, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { EntityCombobox, type ComboboxOption } from '../../../web/components/combobox/combobox';
import { matchesQuery } from '../../../web/components/combobox/match';
import { DataTable } from '../../../web/components/data-table';
import { FormField } from '../../../web/components/form-field';
import { Page } from '../../../web/components/page';
import { ProblemSummary, type Problem } from '../../../web/components/problem-summary';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, apiRequest } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import { bulkChangeLimit, type BulkChangeBody, type BulkChangeResult } from '../bulk-change.schemas';
import type { TreeUnit } from '../organisation.schemas';
import { treeQuery } from './api';
import { todayInNorway, useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';
import { OrganisationNav } from './ui';

// «Endre flere enheter»: choose units on a date, move them under a new parent and/or rename them,
// and draft it all as one scenario, which then opens for its comparison, rules and approval.

type What = 'move' | 'rename' | 'both';

/** A unit with where it sits, for the list and the parent picker. */
type Row = { unit: TreeUnit; path: string };

/** How many rows the list shows at once: filtering finds the rest. */
const shownLimit = 200;

export function BulkChangePage() {
  const { data: session } = useSession();
  const { t } = useOrgI18n();
  if (!hasPermission(session, 'organisation:write')) {
    return (
      <Page title={t('bulk.title')}>
        <OrganisationNav />
        <Paragraph>{t('bulk.noAccess')}</Paragraph>
      </Page>
    );
  }
  return <BulkChange />;
}

/** Each unit's path from the top, «Rådmannens lederteam › Utdanning › Skole», in tree order. */
function rowsOf(units: TreeUnit[], collator: Intl.Collator): Row[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const pathOf = (unit: TreeUnit) => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let id = unit.parentId; id && !seen.has(id); id = byId.get(id)?.parentId ?? null) {
      seen.add(id);
      const parent = byId.get(id);
      if (parent) names.unshift(parent.name);
    }
    return names.join(' › ');
  };
  const rows = units.map((unit) => ({ unit, path: pathOf(unit) }));
  const sortKey = (row: Row) => (row.path ? `${row.path} › ${row.unit.name}` : row.unit.name);
  return rows.sort((a, b) => collator.compare(sortKey(a), sortKey(b)));
}

function useDraftBulkChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkChangeBody) => apiRequest<BulkChangeResult>('POST', '/api/organisation/bulk-changes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  });
}

function BulkChange() {
  const { t, date: formatDate, collator, language } = useOrgI18n();
  const ids = useId();
  const navigate = useNavigate();
  const [effectiveDate, setEffectiveDate] = useState(todayInNorway());
  const treeDate = isIsoDate(effectiveDate) ? effectiveDate : todayInNorway();
  const tree = useQuery(treeQuery(treeDate));
  const [filter, setFilter] = useState('');
  const [level, setLevel] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [what, setWhat] = useState<What>('move');
  const [parentKey, setParentKey] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const mutation = useDraftBulkChange();

  const rows = useMemo(() => rowsOf(tree.data?.units ?? [], collator), [tree.data, collator]);
  const byKey = useMemo(() => new Map(rows.map((row) => [row.unit.key, row])), [rows]);
  const matching = useMemo(
    () =>
      rows.filter(
        (row) => (!level || String(row.unit.level) === level) && (!filter.trim() || matchesQuery(filter, row.unit.name, row.path)),
      ),
    [rows, filter, level],
  );
  const shown = matching.slice(0, shownLimit);
  // A unit that does not exist on a newly chosen date drops out of the choice.
  const chosenRows = chosen.map((key) => byKey.get(key)).filter((row): row is Row => row !== undefined);
  const chosenKeys = new Set(chosenRows.map((row) => row.unit.key));
  const parentOptions: ComboboxOption[] = useMemo(
    () =>
      rows.map((row) => ({
        value: row.unit.key,
        label: row.unit.name,
        description: [t('bulk.levelN', { level: row.unit.level }), row.path].filter(Boolean).join(' · '),
      })),
    [rows, t],
  );

  const moving = what !== 'rename';
  const renaming = what !== 'move';
  const fieldId = {
    date: `${ids}-date`,
    filter: `${ids}-filter`,
    level: `${ids}-level`,
    parent: `${ids}-parent`,
    chosen: `${ids}-chosen`,
    name: `${ids}-name`,
    description: `${ids}-description`,
  };
  const rowTarget = (key: string) => (renaming ? `${ids}-new-${key}` : `${ids}-row-${key}`);
  const newName = (key: string) => names[key] ?? byKey.get(key)?.unit.name ?? '';
  const renamed = chosenRows.filter((row) => newName(row.unit.key).trim() && newName(row.unit.key).trim() !== row.unit.name);

  const problems: Problem[] = [];
  if (tried) {
    if (!isIsoDate(effectiveDate)) problems.push({ id: fieldId.date, message: t('bulk.problem.date') });
    if (chosenRows.length === 0) problems.push({ id: fieldId.filter, message: t('bulk.problem.none') });
    if (chosenRows.length > bulkChangeLimit)
      problems.push({ id: fieldId.chosen, message: t('bulk.problem.tooMany', { limit: bulkChangeLimit, count: chosenRows.length }) });
    if (moving && !parentKey) problems.push({ id: fieldId.parent, message: t('bulk.problem.parent') });
    if (moving && parentKey && chosenKeys.has(parentKey))
      problems.push({ id: fieldId.parent, message: t('bulk.problem.parentChosen', { name: byKey.get(parentKey)!.unit.name }) });
    if (what === 'rename' && chosenRows.length > 0 && renamed.length === 0)
      problems.push({ id: rowTarget(chosenRows[0]!.unit.key), message: t('bulk.problem.names') });
    if (!name.trim()) problems.push({ id: fieldId.name, message: t('bulk.problem.name') });
  }

  // The server names the rows it refuses (`units.3.unitKey`): link each to its row here.
  const serverProblems: Problem[] = [];
  if (problems.length === 0 && mutation.error instanceof ApiError && Array.isArray(mutation.error.details)) {
    for (const detail of mutation.error.details as { path?: unknown; problem?: unknown }[]) {
      // A schema refusal says `/units/0/name` and words its problem for developers: the refusal's own message then.
      const path = typeof detail.path === 'string' ? detail.path.replace(/^\//, '').replaceAll('/', '.') : '';
      const text =
        typeof detail.problem === 'object' && detail.problem !== null
          ? (detail.problem as Record<string, string>)[language]
          : serverProblems.length === 0
            ? mutation.error.message
            : undefined;
      const row = /^units\.(\d+)/.exec(path);
      const key = row ? chosenRows[Number(row[1])]?.unit.key : undefined;
      const id = key
        ? rowTarget(key)
        : path === 'parentKey'
          ? fieldId.parent
          : path === 'name'
            ? fieldId.name
            : path === 'effectiveDate'
              ? fieldId.date
              : fieldId.chosen;
      if (text) serverProblems.push({ id, message: text });
    }
  }
  const errorFor = (id: string) => [...problems, ...serverProblems].find((p) => p.id === id)?.message;

  const toggle = (key: string, on: boolean) =>
    setChosen((current) => (on ? (current.includes(key) ? current : [...current, key]) : current.filter((k) => k !== key)));
  const chooseShown = () =>
    setChosen((current) => [...current, ...shown.map((row) => row.unit.key).filter((key) => !current.includes(key))]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    mutation.reset();
    const blocked =
      !isIsoDate(effectiveDate) ||
      chosenRows.length === 0 ||
      chosenRows.length > bulkChangeLimit ||
      (moving && (!parentKey || chosenKeys.has(parentKey))) ||
      (what === 'rename' && renamed.length === 0) ||
      !name.trim();
    if (blocked) return;
    const body: BulkChangeBody = {
      name: name.trim(),
      effectiveDate,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(moving ? { parentKey } : {}),
      units: chosenRows.map((row) => {
        const next = newName(row.unit.key).trim();
        return renaming && next && next !== row.unit.name ? { unitKey: row.unit.key, name: next } : { unitKey: row.unit.key };
      }),
    };
    mutation.mutate(body, {
      onSuccess: (created) => void navigate({ to: '/organisasjon/scenarioer/$id', params: { id: created.id } }),
    });
  };

  const count = t('bulk.chosenCount', { count: chosenRows.length });
  return (
    <Page title={t('bulk.title')}>
      <OrganisationNav />
      <Paragraph className="kp-lead">{t('bulk.lead')}</Paragraph>
      <form noValidate onSubmit={submit} className="kp-bulk">
        <ProblemSummary
          heading={t('bulk.notCreated')}
          problems={problems.length > 0 ? problems : serverProblems}
          error={serverProblems.length === 0 ? mutation.error : undefined}
          focus
        />
        <section aria-labelledby={`${ids}-choose`} className="kp-org-section">
          <SectionHeading id={`${ids}-choose`}>{t('bulk.chooseHeading')}</SectionHeading>
          <div className="kp-form">
            <Textfield
              id={fieldId.date}
              label={t('bulk.date')}
              description={t('bulk.dateHelp')}
              type="date"
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
              error={errorFor(fieldId.date)}
              required
            />
            <Textfield
              id={fieldId.filter}
              label={t('bulk.filter')}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              error={errorFor(fieldId.filter)}
            />
            <FormField id={fieldId.level} label={t('bulk.level')}>
              {(control) => (
                <Select {...control} value={level} onChange={(e) => setLevel(e.target.value)}>
                  <option value="">{t('bulk.allLevels')}</option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={String(n)}>
                      {t('bulk.levelN', { level: n })}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
          <div className="kp-bulk__actions">
            <Button type="button" variant="secondary" data-size="sm" onClick={chooseShown} disabled={shown.length === 0}>
              {t('bulk.selectVisible', { count: shown.length })}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setChosen([])} disabled={chosenRows.length === 0}>
              {t('bulk.clearChosen')}
            </Button>
            <Paragraph role="status" aria-live="polite" data-size="sm">
              <strong>{count}</strong>
            </Paragraph>
          </div>
          {tree.isPending && <Loading label={t('bulk.loading')} />}
          {tree.isError && <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />}
          {tree.data && (
            <>
              {matching.length > shown.length && (
                <Paragraph data-size="sm">{t('bulk.shownOf', { shown: shown.length, total: matching.length })}</Paragraph>
              )}
              <DataTable
                caption={t('bulk.caption', { date: formatDate(treeDate) })}
                headers={[t('bulk.choose'), t('bulk.name'), t('bulk.path'), t('bulk.level')]}
                numeric={[3]}
                empty={t('bulk.noMatch')}
                rows={shown.map((row) => ({
                  key: row.unit.id,
                  cells: [
                    <Checkbox
                      key="c"
                      aria-label={t('bulk.chooseUnit', { name: row.unit.name })}
                      checked={chosenKeys.has(row.unit.key)}
                      onChange={(e) => toggle(row.unit.key, e.target.checked)}
                    />,
                    row.unit.name,
                    row.path || t('bulk.top'),
                    row.unit.level,
                  ],
                }))}
              />
            </>
          )}
        </section>

        <section aria-labelledby={`${ids}-change`} className="kp-org-section">
          <SectionHeading id={`${ids}-change`}>{t('bulk.changeHeading')}</SectionHeading>
          <div className="kp-form">
            <Fieldset>
              <Fieldset.Legend>{t('bulk.what')}</Fieldset.Legend>
              {(['move', 'rename', 'both'] as const).map((value) => (
                <Radio
                  key={value}
                  name={`${ids}-what`}
                  value={value}
                  label={t(`bulk.what.${value}`)}
                  checked={what === value}
                  onChange={() => setWhat(value)}
                />
              ))}
            </Fieldset>
            {moving && (
              <EntityCombobox
                id={fieldId.parent}
                label={t('bulk.parent')}
                description={t('bulk.parentHelp')}
                options={parentOptions}
                value={parentKey}
                onChange={setParentKey}
                loading={tree.isPending}
                error={errorFor(fieldId.parent)}
              />
            )}
          </div>
          <div id={fieldId.chosen} tabIndex={-1}>
            <DataTable
              caption={`${t('bulk.chosenCaption')} (${count.toLocaleLowerCase()})`}
              headers={[t('bulk.oldName'), t('bulk.path'), ...(renaming ? [t('bulk.newName')] : []), t('bulk.remove')]}
              rowHeaders
              empty={t('bulk.noneChosen')}
              rows={chosenRows.map((row) => {
                const key = row.unit.key;
                return {
                  key,
                  cells: [
                    <span key="n" id={`${ids}-row-${key}`} tabIndex={-1}>
                      {row.unit.name}
                    </span>,
                    row.path || t('bulk.top'),
                    ...(renaming
                      ? [
                          <Textfield
                            key="r"
                            id={`${ids}-new-${key}`}
                            aria-label={t('bulk.newNameFor', { name: row.unit.name })}
                            data-size="sm"
                            value={newName(key)}
                            onChange={(e) => setNames((current) => ({ ...current, [key]: e.target.value }))}
                            error={errorFor(`${ids}-new-${key}`)}
                          />,
                        ]
                      : []),
                    <Button
                      key="x"
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('bulk.removeUnit', { name: row.unit.name })}
                      onClick={() => toggle(key, false)}
                    >
                      {t('bulk.remove')}
                    </Button>,
                  ],
                };
              })}
            />
          </div>
        </section>

        <section aria-labelledby={`${ids}-scenario`} className="kp-org-section">
          <SectionHeading id={`${ids}-scenario`}>{t('bulk.scenarioHeading')}</SectionHeading>
          <div className="kp-form">
            <Textfield
              id={fieldId.name}
              label={t('bulk.scenarioName')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errorFor(fieldId.name)}
              required
            />
            <Textfield
              id={fieldId.description}
              label={t('bulk.description')}
              multiline
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
            <div>
              <Button type="submit" loading={mutation.isPending}>
                {t('bulk.submit')}
              </Button>
            </div>
          </div>
        </section>
      </form>
    </Page>
  );
}
