import { Alert, Button, Link, Paragraph, Tabs, TabsList, TabsPanel, TabsTab } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { WriteError } from '../../../web/components/write-error';
import type { Scenario, ScenarioChange } from '../scenarios.schemas';
import {
  scenarioComparisonQuery,
  scenarioQuery,
  scenarioRulesQuery,
  treeQuery,
  useAddScenarioChange,
  useDiscardScenario,
  useRemoveScenarioChange,
  useUpdateScenario,
} from './api';
import { DetailPage } from '../../../web/components/detail-page';
import { lineTypeKey, useOrgI18n, type OrgTranslate } from './i18n';
import { FindingsByRule, FindingsSummary, Severity } from './rules-report';
import { AddChangeForm } from './scenario-change-form';
import { ApplyWithConfirmation, ApprovalSection, ChangeSummaryList, CommentsSection } from './scenario-approval';
import { ComparisonView } from './scenario-comparison';
import { NoScenarioAccess, StatusTag } from './scenarios.page';
import { OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/scenarioer/$id');

/** One scenario: its changes (and forms to add more), its rules report, the comparison, and applying it. */
export function ScenarioPage() {
  const { data: session } = useSession();
  if (!hasPermission(session, 'organisation:write') && !hasPermission(session, 'organisation:approve')) return <NoScenarioAccess />;
  return <ScenarioEditor />;
}

function ScenarioEditor() {
  const { t } = useOrgI18n();
  const { id } = route.useParams();
  const query = useQuery(scenarioQuery(id));
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('scenario.fallbackTitle')}
      loadingLabel={t('scenario.loading')}
      title={(scenario) => scenario.name}
      header={<OrganisationNav />}
    >
      {(scenario) => <ScenarioContent scenario={scenario} onReload={() => void query.refetch()} />}
    </DetailPage>
  );
}

type Tab = 'changes' | 'rules' | 'compare';

function ScenarioContent({ scenario, onReload }: { scenario: Scenario; onReload: () => void }) {
  const { t, date } = useOrgI18n();
  const [tab, setTab] = useState<Tab>('changes');
  const draft = scenario.status === 'draft' && scenario.actions.includes('edit');
  const update = useUpdateScenario(scenario.id);
  const discard = useDiscardScenario(scenario.id);

  return (
    <>
      <Facts
        items={[
          { term: t('scenarios.status'), value: <StatusTag status={scenario.status} /> },
          { term: t('scenarios.effectiveDate'), value: date(scenario.effectiveDate) },
          { term: t('scenarios.changes'), value: scenario.changes.length },
        ]}
      />
      {scenario.description && <Paragraph>{scenario.description}</Paragraph>}
      {draft && scenario.baseChanged && (
        <Alert data-color="warning">
          <Paragraph>{t('scenario.baseChanged')}</Paragraph>
          <Button
            variant="secondary"
            data-size="sm"
            loading={update.isPending}
            onClick={() => update.mutate({ revision: scenario.revision, rebase: true })}
          >
            {t('scenario.rebase')}
          </Button>
        </Alert>
      )}
      <WriteError error={update.error ?? discard.error} onReload={() => (update.reset(), discard.reset(), onReload())} />
      {scenario.problems.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>{t('scenario.problemsNote', { count: scenario.problems.length })}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/organisasjon/analyse" search={{ scenario: scenario.id }}>
            {t('scenario.analytics')}
          </RouterLink>
        </Link>
      </Paragraph>

      <Tabs value={tab} onChange={(value) => setTab(value as Tab)}>
        <TabsList>
          <TabsTab value="changes">{t('scenario.tabChanges', { count: scenario.changes.length })}</TabsTab>
          <TabsTab value="rules">{t('scenario.tabRules')}</TabsTab>
          <TabsTab value="compare">{t('scenario.tabCompare')}</TabsTab>
        </TabsList>
        <TabsPanel value="changes">{tab === 'changes' && <ChangesPanel scenario={scenario} onReload={onReload} />}</TabsPanel>
        <TabsPanel value="rules">{tab === 'rules' && <RulesPanel scenario={scenario} />}</TabsPanel>
        <TabsPanel value="compare">{tab === 'compare' && <ComparePanel scenario={scenario} />}</TabsPanel>
      </Tabs>

      <ApprovalSection scenario={scenario} onReload={onReload} />
      {scenario.actions.includes('apply') && <ApplyWithConfirmation scenario={scenario} onReload={onReload} />}
      {scenario.status === 'approved' && !scenario.actions.includes('apply') && <Paragraph>{t('scenario.applyNeedsConfigure')}</Paragraph>}
      {scenario.status === 'applied' && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('scenario.applied', { date: date(scenario.effectiveDate) })}</Paragraph>
        </Alert>
      )}
      <CommentsSection scenario={scenario} onReload={onReload} />
      {draft && (
        <div className="kp-actions-row">
          <Button
            variant="tertiary"
            data-color="danger"
            loading={discard.isPending}
            onClick={() => discard.mutate({ revision: scenario.revision })}
          >
            {t('scenario.discard')}
          </Button>
        </div>
      )}
    </>
  );
}

function ChangesPanel({ scenario, onReload }: { scenario: Scenario; onReload: () => void }) {
  const { t, pick, date } = useOrgI18n();
  const ids = useId();
  const tree = useQuery(treeQuery(scenario.effectiveDate));
  const unitNames = useMemo(() => new Map((tree.data?.units ?? []).map((unit) => [unit.key, unit.name])), [tree.data]);
  const add = useAddScenarioChange(scenario.id);
  const remove = useRemoveScenarioChange(scenario.id);
  const draft = scenario.status === 'draft' && scenario.actions.includes('edit');
  const problemsFor = (index: number) => scenario.problems.filter((problem) => problem.changeIndex === index);

  return (
    <div className="kp-org-section">
      <SectionHeading id={`${ids}-list`}>{t('scenario.changesHeading')}</SectionHeading>
      {scenario.changes.length === 0 ? (
        <Paragraph>{t('scenario.noChanges')}</Paragraph>
      ) : (
        <ol className="kp-change-list" aria-labelledby={`${ids}-list`}>
          {scenario.changes.map((change, index) => {
            const text = describeChange(change, (key) => unitNames.get(key), t);
            const problems = problemsFor(index);
            return (
              <li key={change.id ?? index}>
                <div>
                  <span>
                    {index + 1}. {text}
                  </span>
                  {problems.map((problem, i) => (
                    <Paragraph key={i} data-size="sm" className="kp-problem">
                      <Severity severity="error" /> {pick(problem.message)}
                    </Paragraph>
                  ))}
                </div>
                {draft && change.id && (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    loading={remove.isPending && remove.variables?.changeId === change.id}
                    aria-label={t('scenario.removeChange', { number: index + 1, text })}
                    onClick={() => remove.mutate({ changeId: change.id!, revision: scenario.revision })}
                  >
                    {t('scenario.remove')}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <WriteError error={remove.error} onReload={() => (remove.reset(), onReload())} />
      {draft && (
        <>
          <SectionHeading id={`${ids}-add`}>{t('scenario.addChange')}</SectionHeading>
          <Paragraph>{t('scenario.addChangeIntro', { date: date(scenario.effectiveDate) })}</Paragraph>
          <WriteError error={add.error} onReload={() => (add.reset(), onReload())} />
          <AddChangeForm
            date={scenario.effectiveDate}
            pending={add.isPending}
            onAdd={async (change) => {
              try {
                await add.mutateAsync({ revision: scenario.revision, change });
                return true;
              } catch {
                return false;
              }
            }}
          />
          {add.isSuccess && (
            <Paragraph role="status" className="ds-sr-only">
              {t('scenario.changeAdded')}
            </Paragraph>
          )}
        </>
      )}
    </div>
  );
}

function RulesPanel({ scenario }: { scenario: Scenario }) {
  const { t } = useOrgI18n();
  const ids = useId();
  const report = useQuery(scenarioRulesQuery(scenario.id, scenario.revision));
  if (report.isPending) return <Loading label={t('rules.loading')} />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  return (
    <div className="kp-org-section">
      <SectionHeading id={`${ids}-summary`}>{t('scenario.rulesHeading')}</SectionHeading>
      <FindingsSummary errors={data.summary.errors} warnings={data.summary.warnings} />
      <Paragraph>{t('scenario.rulesNow', { errors: data.current.errors, warnings: data.current.warnings })}</Paragraph>
      {data.newErrors.length > 0 ? (
        <Alert data-color="danger">
          <Paragraph>{t('scenario.newErrors', { count: data.newErrors.length })}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('scenario.noNewErrors')}</Paragraph>
      )}
      {data.resolvedErrors.length > 0 && <Paragraph>{t('scenario.resolvedErrors', { count: data.resolvedErrors.length })}</Paragraph>}
      <FindingsByRule findings={data.findings} date={data.date} headingLevel={3} />
    </div>
  );
}

function ComparePanel({ scenario }: { scenario: Scenario }) {
  const { t, pick, locale } = useOrgI18n();
  const comparison = useQuery(scenarioComparisonQuery(scenario.id, scenario.revision));
  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }),
    [locale],
  );
  if (comparison.isPending) return <Loading label={t('scenario.comparing')} />;
  if (comparison.isError) return <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const data = comparison.data;
  // The approver sees what was submitted; whatever stops it is said first (apply refuses exactly that).
  const blockers = data.blockers.filter((b) => scenario.status === 'draft' || b.reason === 'base_changed');
  return (
    <>
      {data.frozenAt && <Paragraph>{t('approval.frozenNote', { date: dateTime.format(new Date(data.frozenAt)) })}</Paragraph>}
      {blockers.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>{t('approval.blocked')}</Paragraph>
          <ul>
            {blockers.map((b) => (
              <li key={b.reason}>{pick(b.message)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {data.summary.length > 0 && <ChangeSummaryList data={data} />}
      <ComparisonView data={data} />
    </>
  );
}

/** A change in words, with unit names where the organisation on the scenario's date knows the key. */
export function describeChange(change: ScenarioChange, unitName: (key: string) => string | undefined, t: OrgTranslate): string {
  const unit = (key: string) => `«${unitName(key) ?? key}»`;
  const ref = (key: string) => `«${key}»`;
  switch (change.type) {
    case 'create_unit':
      return t('describe.create_unit', { name: change.name, parent: change.parentKey ? unit(change.parentKey) : t('describe.top') });
    case 'rename_unit':
      return t('describe.rename_unit', { unit: unit(change.unitKey), name: change.name });
    case 'move_unit':
      return (
        t('describe.move_unit', { unit: unit(change.unitKey), parent: unit(change.parentKey) }) +
        (change.level ? ` ${t('describe.toLevel', { level: change.level })}` : '')
      );
    case 'merge_units':
      return t('describe.merge_units', { sources: change.sourceUnitKeys.map(unit).join(', '), target: unit(change.targetUnitKey) });
    case 'split_unit':
      return t('describe.split_unit', { unit: unit(change.unitKey), parts: change.into.map((part) => `«${part.name}»`).join(', ') });
    case 'close_unit':
      return t('describe.close_unit', { unit: unit(change.unitKey) });
    case 'create_position':
      return t('describe.create_position', { title: change.title, unit: unit(change.unitKey) });
    case 'move_position':
      return t('describe.move_position', { position: ref(change.positionKey), unit: unit(change.unitKey) });
    case 'close_position':
      return t('describe.close_position', { position: ref(change.positionKey) });
    case 'assign_person':
      return t('describe.assign_person', { person: ref(change.personKey), position: ref(change.positionKey) });
    case 'end_assignment':
      return t('describe.end_assignment', { person: ref(change.personKey), position: ref(change.positionKey) });
    case 'add_line':
      return t('describe.add_line', {
        type: t(lineTypeKey(change.lineType)).toLocaleLowerCase(),
        from: ref(change.fromPositionKey),
        to: ref(change.toPositionKey),
      });
    case 'end_line':
      return t('describe.end_line', {
        type: t(lineTypeKey(change.lineType)).toLocaleLowerCase(),
        from: ref(change.fromPositionKey),
        to: ref(change.toPositionKey),
      });
  }
}
