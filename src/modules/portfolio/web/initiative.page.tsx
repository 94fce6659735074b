import { Alert, Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { useFocusWhen } from '../../../web/components/use-focus-when';
import { ApiError } from '../../../web/data/client';
import type { InitiativeDetail, InitiativeEvent } from '../initiatives.schemas';
import { InitiativeBenefits } from './benefit-parts';
import { InitiativeDecisions, InitiativeStatusReports } from './board-parts';
import { usePortfolioI18n } from './i18n';
import { initiativeOptionsQuery, initiativeQuery, useEditInitiative, useMergeInitiative } from './initiatives-api';
import { draftOf, InitiativeForm } from './new-initiative.page';
import { TrafficLights } from './portfolio.page';
import { InitiativeResources, InitiativeScores } from './prioritisation-parts';
import { PortfolioNav } from './ui';
import './initiatives.css';

// One initiative (/portefolje/initiativ/$number): every intake field, goals, decisions followed, the
// other parts' sections (decisions, status reports, scores, resources, benefits), history; edit with
// the revision read (a stale edit says so and offers a reload), merge for the board.

export function InitiativePage() {
  const { t } = usePortfolioI18n();
  const params = useParams({ strict: false }) as { number?: string };
  const ref = (params.number ?? '').replace(/^INI-/i, '');
  const query = useQuery(initiativeQuery(ref));
  const detail = query.data;
  const title = detail ? `${t('initiatives.number', { number: detail.number })} ${detail.title}` : t('initiatives.detail.title');

  return (
    <Page title={title}>
      <PortfolioNav />
      {query.isPending && <Loading />}
      {query.error && (
        <ErrorAlert
          error={query.error}
          onRetry={query.error instanceof ApiError && query.error.status === 404 ? undefined : () => void query.refetch()}
        />
      )}
      {detail && <InitiativeBody key={detail.id} detail={detail} reload={() => void query.refetch()} />}
    </Page>
  );
}

function InitiativeBody({ detail, reload }: { detail: InitiativeDetail; reload: () => void }) {
  const { t, kroner, date, month } = usePortfolioI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useFocusWhen<HTMLDivElement>(saved);
  const yesNo = (value: boolean | null) =>
    value === null ? t('initiatives.detail.unknown') : value ? t('initiatives.detail.yes') : t('initiatives.detail.no');
  const fact = (label: string, value: string) => (
    <div className="kp-pf-fact">
      <dt>{label}</dt>
      <dd>{value || t('initiatives.none')}</dd>
    </div>
  );

  return (
    <>
      {detail.mergedInto && (
        <Alert data-color="info">
          <Paragraph>
            {t('initiatives.detail.mergedInto')}{' '}
            <Link asChild>
              <RouterLink to="/portefolje/initiativ/$number" params={{ number: String(detail.mergedInto.number) }}>
                {t('initiatives.number', { number: detail.mergedInto.number })} {detail.mergedInto.title}
              </RouterLink>
            </Link>
          </Paragraph>
        </Alert>
      )}
      <div className="kp-pf-tags">
        <Tag data-color="brand1">{t(`initiatives.phase.${detail.phase}`)}</Tag>
        <Tag data-color={detail.state === 'stopped' ? 'danger' : 'neutral'}>{t(`initiatives.state.${detail.state}`)}</Tag>
        <Tag data-color="neutral">{t(`initiatives.category.${detail.category}`)}</Tag>
        {detail.synthetic && <Tag data-color="warning">{t('initiatives.detail.synthetic')}</Tag>}
      </div>
      {saved && (
        <div ref={savedRef} tabIndex={-1} role="status">
          <Alert data-color="success">{t('initiatives.detail.saved')}</Alert>
        </div>
      )}

      {editing ? (
        <EditSection
          detail={detail}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
          reload={reload}
        />
      ) : (
        <section aria-labelledby="kp-pf-facts" className="kp-pf-section">
          <Heading level={2} data-size="sm" id="kp-pf-facts">
            {t('initiatives.detail.facts')}
          </Heading>
          <dl className="kp-pf-facts">
            {fact(t('initiatives.form.field.problem'), detail.problem)}
            {fact(t('initiatives.form.field.need'), detail.need)}
            {fact(t('initiatives.form.field.beneficiaries'), detail.beneficiaries)}
            {fact(t('initiatives.form.field.ownerUnit'), detail.ownerUnit.name)}
            {fact(t('initiatives.overview.area'), detail.area?.name ?? '')}
            {fact(t('initiatives.form.field.digitalAgent'), detail.digitalAgent?.displayName ?? '')}
            {fact(t('initiatives.form.field.size'), t(`initiatives.size.${detail.size}`))}
            {fact(t('initiatives.form.field.cost'), kroner(detail.estimatedCost))}
            {fact(
              t('initiatives.form.field.months'),
              detail.estimatedMonths === null ? '' : t('initiatives.detail.months', { months: detail.estimatedMonths }),
            )}
            {fact(
              t('initiatives.detail.period'),
              detail.plannedStart || detail.plannedEnd
                ? `${detail.plannedStart ? month(detail.plannedStart) : '?'} – ${detail.plannedEnd ? month(detail.plannedEnd) : '?'}`
                : '',
            )}
            {fact(t('initiatives.form.field.architectureNotes'), detail.architectureNotes)}
            {fact(t('initiatives.form.field.personalData'), yesNo(detail.personalData))}
            {fact(t('initiatives.detail.dpiaNeeded'), yesNo(detail.dpiaNeeded))}
            {fact(t('initiatives.form.field.privacyNotes'), detail.privacyNotes)}
            {fact(t('initiatives.detail.proposedBy'), detail.proposedBy.displayName)}
            {fact(t('initiatives.detail.proposedAt'), date(detail.proposedAt))}
          </dl>
          <div className="kp-pf-fact">
            <TrafficLights lights={detail.lights} />
          </div>
          {detail.mayEdit && (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('initiatives.detail.edit')}
            </Button>
          )}
        </section>
      )}

      <section aria-labelledby="kp-pf-goals" className="kp-pf-section">
        <Heading level={2} data-size="sm" id="kp-pf-goals">
          {t('initiatives.detail.goals')}
        </Heading>
        {detail.goals.length === 0 ? (
          <Paragraph>{t('initiatives.none')}</Paragraph>
        ) : (
          <ul>
            {detail.goals.map((g) => (
              <li key={g.id}>{g.title}</li>
            ))}
          </ul>
        )}
        {detail.decisions.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              {t('initiatives.detail.decisions')}
            </Heading>
            <ul>
              {detail.decisions.map((d) => (
                <li key={d.id}>
                  {d.title} ({t('initiatives.detail.decision', { caseNumber: d.caseNumber, date: date(d.meetingDate) })})
                </li>
              ))}
            </ul>
          </>
        )}
        {detail.mergedFrom.length > 0 && (
          <Paragraph>
            {t('initiatives.detail.mergedFrom')}
            {detail.mergedFrom.map((m, index) => (
              <span key={m.id}>
                {index > 0 && ', '}
                <Link asChild>
                  <RouterLink to="/portefolje/initiativ/$number" params={{ number: String(m.number) }}>
                    {t('initiatives.number', { number: m.number })} {m.title}
                  </RouterLink>
                </Link>
              </span>
            ))}
          </Paragraph>
        )}
      </section>

      <InitiativeDecisions initiativeId={detail.id} />
      <InitiativeStatusReports initiativeId={detail.id} />
      <InitiativeScores initiativeId={detail.id} />
      <InitiativeResources initiativeId={detail.id} />
      <InitiativeBenefits initiativeId={detail.id} />

      {detail.mayMerge && <MergeSection detail={detail} />}

      <History events={detail.history} />
    </>
  );
}

function EditSection({
  detail,
  onDone,
  onCancel,
  reload,
}: {
  detail: InitiativeDetail;
  onDone: () => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const { t } = usePortfolioI18n();
  const options = useQuery(initiativeOptionsQuery);
  const mutation = useEditInitiative(String(detail.number));
  const stale = mutation.error instanceof ApiError && mutation.error.code === 'stale';

  return (
    <section aria-labelledby="kp-pf-edit" className="kp-pf-section">
      <Heading level={2} data-size="sm" id="kp-pf-edit">
        {t('initiatives.detail.editHeading')}
      </Heading>
      {options.isPending && <Loading />}
      {options.error && <ErrorAlert error={options.error} />}
      {options.data && (
        <InitiativeForm
          options={options.data}
          initial={draftOf(detail)}
          submitLabel={t('initiatives.form.save')}
          pending={mutation.isPending}
          error={mutation.error}
          extraError={
            stale ? (
              <div>
                <Paragraph>{t('initiatives.detail.stale')}</Paragraph>
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  onClick={() => {
                    mutation.reset();
                    reload();
                    onCancel();
                  }}
                >
                  {t('initiatives.detail.reload')}
                </Button>
              </div>
            ) : undefined
          }
          onCancel={onCancel}
          onSubmit={(body) => {
            mutation.reset();
            void mutation
              .mutateAsync({ ...body, revision: detail.revision })
              .then(onDone)
              .catch(() => {});
          }}
        />
      )}
    </section>
  );
}

function MergeSection({ detail }: { detail: InitiativeDetail }) {
  const { t } = usePortfolioI18n();
  const ids = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMergeInitiative(String(detail.number));
  const [into, setInto] = useState('');
  const [rationale, setRationale] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    if (!into.trim() || !rationale.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void mutation
      .mutateAsync({ into: into.trim(), rationale: rationale.trim(), revision: detail.revision })
      .then(async (target) => {
        await queryClient.invalidateQueries({ queryKey: ['portfolio'] });
        await navigate({ to: '/portefolje/initiativ/$number', params: { number: String(target.number) } });
      })
      .catch(() => {});
  };
  return (
    <section aria-labelledby={`${ids}-merge`} className="kp-pf-section">
      <Heading level={2} data-size="sm" id={`${ids}-merge`}>
        {t('initiatives.detail.merge')}
      </Heading>
      <Paragraph data-size="sm">{t('initiatives.detail.mergeHelp')}</Paragraph>
      <form onSubmit={submit} noValidate className="kp-pf-form">
        <Textfield
          label={t('initiatives.detail.mergeInto')}
          value={into}
          onChange={(e) => setInto(e.target.value)}
          error={missing && !into.trim() ? t('initiatives.detail.mergeMissing') : undefined}
          className="kp-pf-short"
          autoComplete="off"
        />
        <Textfield
          label={t('initiatives.detail.mergeRationale')}
          multiline
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          error={missing && !rationale.trim() ? t('initiatives.detail.mergeMissing') : undefined}
        />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <div>
          <Button type="submit" variant="secondary" disabled={mutation.isPending}>
            {t('initiatives.detail.mergeSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function History({ events }: { events: InitiativeEvent[] }) {
  const { t, dateTime } = usePortfolioI18n();
  const ref = (value: unknown) => {
    const r = value as { number?: number; title?: string } | undefined;
    return r && typeof r.number === 'number' ? `${t('initiatives.number', { number: r.number })} ${r.title ?? ''}` : '';
  };
  const describe = (e: InitiativeEvent) => {
    const data = e.data as Record<string, unknown>;
    switch (e.type) {
      case 'proposed':
        return t('initiatives.event.proposed');
      case 'edited':
        return t('initiatives.event.edited', { fields: Array.isArray(data.fields) ? data.fields.join(', ') : '' });
      case 'merged_into':
        return t('initiatives.event.merged_into', { label: ref(data.into), rationale: String(data.rationale ?? '') });
      case 'merged_from':
        return t('initiatives.event.merged_from', { label: ref(data.from), rationale: String(data.rationale ?? '') });
      default:
        return t('initiatives.event.other', { type: e.type });
    }
  };
  return (
    <section aria-labelledby="kp-pf-history" className="kp-pf-section">
      <Heading level={2} data-size="sm" id="kp-pf-history">
        {t('initiatives.detail.history')}
      </Heading>
      <div className="kp-pf-table-wrap">
        <Table data-size="sm" zebra>
          <caption>{t('initiatives.detail.historyCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('initiatives.detail.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('initiatives.detail.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('initiatives.detail.who')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {events.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{dateTime(e.occurredAt)}</Table.Cell>
                <Table.Cell>
                  {describe(e)}
                  {e.fromInitiative && (
                    <>
                      {' '}
                      <Tag data-color="neutral" data-size="sm">
                        {t('initiatives.detail.from', { label: t('initiatives.number', { number: e.fromInitiative.number }) })}
                      </Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>{e.actorName ?? t('initiatives.none')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
