import { Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { SectionHeading } from '../../../web/components/section-heading';
import { fieldErrors } from '../../../web/components/write-error';
import type { ScenarioSummary } from '../scenarios.schemas';
import { scenariosQuery, useCreateScenario } from './api';
import { todayInNorway, useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';
import { OrganisationNav } from './ui';
import { WriteForm } from './unit-edit';

/** Reorganisation scenarios: the list, and a form to draft a new one. */
export function ScenariosPage() {
  const { data: session } = useSession();
  if (!hasPermission(session, 'organisation:write') && !hasPermission(session, 'organisation:approve')) return <NoScenarioAccess />;
  return <Scenarios />;
}

export function NoScenarioAccess() {
  const { t } = useOrgI18n();
  return (
    <Page title={t('scenarios.title')}>
      <OrganisationNav />
      <Paragraph>{t('scenarios.noAccess')}</Paragraph>
    </Page>
  );
}

export function StatusTag({ status }: { status: ScenarioSummary['status'] }) {
  const { t } = useOrgI18n();
  const color =
    status === 'applied' || status === 'approved'
      ? 'success'
      : status === 'discarded' || status === 'rejected'
        ? 'neutral'
        : status === 'submitted'
          ? 'warning'
          : 'info';
  return (
    <Tag data-color={color} data-size="sm">
      {t(`scenarios.status.${status}`)}
    </Tag>
  );
}

function Scenarios() {
  const { t, date } = useOrgI18n();
  const { data: session } = useSession();
  const list = useQuery(scenariosQuery());
  const ids = useId();
  return (
    <Page title={t('scenarios.title')}>
      <OrganisationNav />
      <Paragraph className="kp-lead">{t('scenarios.lead')}</Paragraph>
      <section aria-labelledby={`${ids}-list`} className="kp-org-section">
        <SectionHeading id={`${ids}-list`}>{t('scenarios.listHeading')}</SectionHeading>
        {list.isPending && <Loading label={t('scenarios.loading')} />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && (
          <DataTable
            caption={t('scenarios.caption')}
            headers={[
              t('scenarios.name'),
              t('scenarios.effectiveDate'),
              t('scenarios.status'),
              t('scenarios.changes'),
              t('scenarios.baseChanged'),
            ]}
            numeric={[3]}
            empty={t('scenarios.empty')}
            rows={list.data.items.map((scenario) => ({
              key: scenario.id,
              cells: [
                <Link key="l" asChild>
                  <RouterLink to="/organisasjon/scenarioer/$id" params={{ id: scenario.id }}>
                    {scenario.name}
                  </RouterLink>
                </Link>,
                date(scenario.effectiveDate),
                <StatusTag key="s" status={scenario.status} />,
                scenario.changeCount,
                scenario.baseChanged ? t('scenarios.baseChangedYes') : t('common.no'),
              ],
            }))}
          />
        )}
      </section>
      {hasPermission(session, 'organisation:write') && <CreateScenario />}
    </Page>
  );
}

function CreateScenario() {
  const { t } = useOrgI18n();
  const ids = useId();
  const navigate = useNavigate();
  const mutation = useCreateScenario();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(todayInNorway());
  const [tried, setTried] = useState(false);
  const server = fieldErrors(mutation.error);
  const nameError = tried && !name.trim() ? t('scenarios.nameRequired') : server.name;
  const dateError = tried && !isIsoDate(effectiveDate) ? t('edit.dateRequired') : server.effectiveDate;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !isIsoDate(effectiveDate)) return;
    mutation.mutate(
      { name: name.trim(), description: description.trim(), effectiveDate },
      { onSuccess: (scenario) => void navigate({ to: '/organisasjon/scenarioer/$id', params: { id: scenario.id } }) },
    );
  };
  return (
    <section aria-labelledby={`${ids}-create`} className="kp-org-section">
      <SectionHeading id={`${ids}-create`}>{t('scenarios.createHeading')}</SectionHeading>
      <WriteForm
        onSubmit={submit}
        mutation={mutation}
        onReload={() => mutation.reset()}
        fieldIds={{ name: `${ids}-name`, description: `${ids}-description`, effectiveDate: `${ids}-date` }}
        submitLabel={t('scenarios.createSubmit')}
        success={null}
      >
        <Textfield
          id={`${ids}-name`}
          label={t('scenarios.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          required
        />
        <Textfield
          id={`${ids}-description`}
          label={t('scenarios.description')}
          multiline
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={server.description}
        />
        <Textfield
          id={`${ids}-date`}
          label={t('scenarios.effectiveDate')}
          description={t('scenarios.effectiveDateHelp')}
          type="date"
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.target.value)}
          error={dateError}
          required
        />
      </WriteForm>
    </section>
  );
}
