import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { isStale } from '../../../web/components/write-error';
import { useI18n } from '../../../web/i18n/i18n';
import type { InitiativeDetail, InitiativeEvent, Lights, TrafficLight } from '../initiatives.schemas';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n } from './i18n';
import { InitiativeLink } from './ui';
import { draftOf, InitiativeForm } from './initiative-form-parts';
import { initiativeOptionsQuery, useEditInitiative, useMergeInitiative } from './initiatives-api';
import { EmptyState } from '../../../web/components/empty-state';

// Parts of the initiative page (and the overview's traffic lights): the facts, goals and decisions
// followed, the edit and merge forms, and the history.

/** The four traffic lights of the latest status report, in words as well as colour. */
export function TrafficLights({ lights }: { lights: Lights | null }) {
  const { t } = usePortfolioI18n();
  if (!lights) return <span className="kp-muted">{t('initiatives.light.none')}</span>;
  const item = (aspect: 'scope' | 'time' | 'cost' | 'benefits', light: TrafficLight) => (
    <li key={aspect} className={`kp-pf-light kp-pf-light--${light}`}>
      <span className="kp-pf-light__dot" aria-hidden="true" />
      {t(`initiatives.light.${aspect}`)}: {t(`initiatives.light.${light}`)}
    </li>
  );
  return (
    <div>
      <span className="kp-pf-light__period">{t('initiatives.light.period', { period: lights.period })}</span>
      <ul className="kp-pf-lights">
        {item('scope', lights.scope)}
        {item('time', lights.time)}
        {item('cost', lights.cost)}
        {item('benefits', lights.benefits)}
      </ul>
    </div>
  );
}

/** Where this initiative went when it was merged into another. */
export function MergedNotice({ into }: { into: NonNullable<InitiativeDetail['mergedInto']> }) {
  const { t } = usePortfolioI18n();
  return (
    <Alert data-color="info">
      <Paragraph>
        {t('initiatives.detail.mergedInto')}{' '}
        <InitiativeLink number={into.number}>
          {t('initiatives.number', { number: into.number })} {into.title}
        </InitiativeLink>
      </Paragraph>
    </Alert>
  );
}

/** Phase, state and category as tags. */
export function InitiativeTags({ detail }: { detail: InitiativeDetail }) {
  const { t } = usePortfolioI18n();
  return (
    <div className="kp-pf-tags">
      <Tag data-color="brand1">{t(`initiatives.phase.${detail.phase}`)}</Tag>
      <Tag data-color={detail.state === 'stopped' ? 'danger' : 'neutral'}>{t(`initiatives.state.${detail.state}`)}</Tag>
      <Tag data-color="neutral">{t(`initiatives.category.${detail.category}`)}</Tag>
      {detail.synthetic && <Tag data-color="warning">{t('initiatives.detail.synthetic')}</Tag>}
    </div>
  );
}

/** Every intake field, the latest traffic lights, and the edit button for those who may edit. */
export function InitiativeFacts({ detail, onEdit }: { detail: InitiativeDetail; onEdit: () => void }) {
  const { t, kroner, date, month } = usePortfolioI18n();
  const yesNo = (value: boolean | null) =>
    value === null ? t('initiatives.detail.unknown') : value ? t('initiatives.detail.yes') : t('initiatives.detail.no');
  const fact = (term: string, value: string) => ({ term, value: value || t('initiatives.none') });
  return (
    <section aria-labelledby="kp-pf-facts" className="kp-pf-section">
      <SectionHeading id="kp-pf-facts">{t('initiatives.detail.facts')}</SectionHeading>
      <Facts
        className="kp-pf-facts"
        items={[
          fact(t('initiatives.form.field.problem'), detail.problem),
          fact(t('initiatives.form.field.need'), detail.need),
          fact(t('initiatives.form.field.beneficiaries'), detail.beneficiaries),
          fact(t('initiatives.form.field.ownerUnit'), detail.ownerUnit.name),
          fact(t('initiatives.overview.area'), detail.area?.name ?? ''),
          fact(t('initiatives.form.field.digitalAgent'), detail.digitalAgent?.displayName ?? ''),
          fact(t('initiatives.form.field.size'), t(`initiatives.size.${detail.size}`)),
          fact(t('initiatives.form.field.cost'), kroner(detail.estimatedCost)),
          fact(
            t('initiatives.form.field.months'),
            detail.estimatedMonths === null ? '' : t('initiatives.detail.months', { months: detail.estimatedMonths }),
          ),
          fact(
            t('initiatives.detail.period'),
            detail.plannedStart || detail.plannedEnd
              ? `${detail.plannedStart ? month(detail.plannedStart) : '?'} – ${detail.plannedEnd ? month(detail.plannedEnd) : '?'}`
              : '',
          ),
          fact(t('initiatives.form.field.architectureNotes'), detail.architectureNotes),
          fact(t('initiatives.form.field.personalData'), yesNo(detail.personalData)),
          fact(t('initiatives.detail.dpiaNeeded'), yesNo(detail.dpiaNeeded)),
          fact(t('initiatives.form.field.privacyNotes'), detail.privacyNotes),
          fact(t('initiatives.detail.proposedBy'), detail.proposedBy.displayName),
          fact(t('initiatives.detail.proposedAt'), date(detail.proposedAt)),
        ]}
      />
      <div className="kp-pf-lights-block">
        <TrafficLights lights={detail.lights} />
      </div>
      {detail.mayEdit && (
        <Button variant="secondary" onClick={onEdit}>
          {t('initiatives.detail.edit')}
        </Button>
      )}
    </section>
  );
}

/** The goals it serves, the political decisions it follows up, and what was merged into it. */
export function InitiativeGoals({ detail }: { detail: InitiativeDetail }) {
  const { t, date } = usePortfolioI18n();
  return (
    <section aria-labelledby="kp-pf-goals" className="kp-pf-section">
      <SectionHeading id="kp-pf-goals">{t('initiatives.detail.goals')}</SectionHeading>
      {detail.goals.length === 0 ? (
        <EmptyState>{t('initiatives.none')}</EmptyState>
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
              <InitiativeLink number={m.number}>
                {t('initiatives.number', { number: m.number })} {m.title}
              </InitiativeLink>
            </span>
          ))}
        </Paragraph>
      )}
    </section>
  );
}

export function EditSection({
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
  const shell = useI18n();
  const mutation = useEditInitiative(String(detail.number));

  return (
    <section aria-labelledby="kp-pf-edit" className="kp-pf-section">
      <SectionHeading id="kp-pf-edit">{t('initiatives.detail.editHeading')}</SectionHeading>
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
            isStale(mutation.error) ? (
              <div>
                <Paragraph>{shell.t('write.stale')}</Paragraph>
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
                  {shell.t('write.reload')}
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

export function MergeSection({ detail }: { detail: InitiativeDetail }) {
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
      <SectionHeading id={`${ids}-merge`}>{t('initiatives.detail.merge')}</SectionHeading>
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

export function History({ events }: { events: InitiativeEvent[] }) {
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
      <SectionHeading id="kp-pf-history">{t('initiatives.detail.history')}</SectionHeading>
      <PortfolioTable
        caption={t('initiatives.detail.historyCaption')}
        headers={[t('initiatives.detail.when'), t('initiatives.detail.what'), t('initiatives.detail.who')]}
        zebra
      >
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
      </PortfolioTable>
    </section>
  );
}
