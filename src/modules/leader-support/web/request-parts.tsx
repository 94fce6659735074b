import { Button, Fieldset, Link, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Facts, type Fact } from '../../../web/components/facts';
import type { RequestDetail } from '../leader-support.schemas';
import { ActionError, isOpen, Section, useSlaText } from './desk-parts';
import { channelKey, lineKey, priorityKey, statusKey, useSupportI18n, type SupportKey } from './i18n';
import { useSelfService, useSurvey } from './request-api';

// The request page's read parts (what it is, its clocks, its fields and text, the history) and the
// requester's own: knowledge-base articles with self-service, and the satisfaction survey.

/** Says what an action did, in the page's status region (which takes the focus). */
export type Announce = (text: string, tone?: 'success' | 'warning') => void;
/** Reads the request again (after a refusal, or after someone else was quicker). */
export type Reload = () => Promise<{ data?: RequestDetail }>;

export function Overview({ detail }: { detail: RequestDetail }) {
  const { t, pick, dateTime, requestNumber } = useSupportI18n();
  const items: Fact[] = [
    { term: t('desk.field.number'), value: requestNumber(detail.number) },
    { term: t('desk.field.status'), value: t(statusKey(detail.status)) },
    { term: t('desk.field.priority'), value: t(priorityKey(detail.priority)) },
    { term: t('desk.field.category'), value: pick(detail.category.name) },
    { term: t('desk.field.lineGroup'), value: `${t(lineKey(detail.line))} – ${detail.group.name}` },
    { term: t('desk.field.assignee'), value: detail.assignee?.displayName ?? t('desk.none') },
    { term: t('desk.field.requester'), value: detail.requester.name },
    { term: t('desk.field.unit'), value: detail.unit?.name ?? t('desk.unknown') },
    { term: t('desk.field.sector'), value: detail.sector?.name ?? t('desk.unknown') },
    { term: t('desk.field.channel'), value: t(channelKey(detail.channel)) },
    { term: t('desk.field.created'), value: dateTime(detail.createdAt) },
  ];
  if (detail.registeredBy) items.push({ term: t('desk.field.registeredBy'), value: detail.registeredBy });
  if (detail.thirdLine) {
    items.push({
      term: t('desk.field.thirdLine'),
      value: t(detail.thirdLine.kind === 'internal' ? 'desk.thirdLine.internalValue' : 'desk.thirdLine.externalValue', {
        party: detail.thirdLine.party,
      }),
    });
  }
  if (detail.selfService) items.push({ term: t('desk.field.selfService'), value: t('desk.yes') });
  if (detail.synthetic) items.push({ term: t('desk.field.data'), value: t('common.synthetic') });
  return (
    <section aria-label={t('desk.overview')}>
      <Facts items={items} />
    </section>
  );
}

export function Clocks({ detail }: { detail: RequestDetail }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const slaText = useSlaText();
  return (
    <Section id={`${ids}-sla`} title={t('desk.sla.heading')}>
      <Facts
        items={[
          { term: t('desk.sla.response'), value: slaText(detail.response) },
          { term: t('desk.sla.resolution'), value: slaText(detail.resolution) },
        ]}
      />
    </Section>
  );
}

export function CategoryFields({ detail }: { detail: RequestDetail }) {
  const { t, pick } = useSupportI18n();
  const ids = useId();
  return (
    <Section id={`${ids}-fields`} title={t('desk.fields.heading')}>
      <Facts items={detail.fields.map((field) => ({ term: pick(field.label), value: field.value || t('desk.empty') }))} />
    </Section>
  );
}

export function Description({ detail }: { detail: RequestDetail }) {
  const { t } = useSupportI18n();
  const ids = useId();
  return (
    <Section id={`${ids}-description`} title={t('desk.description.heading')}>
      {/* Text only: whatever the requester typed (HTML included) is shown as text, never rendered. */}
      {detail.description.trim() ? (
        <p className="kp-desk-text">{detail.description}</p>
      ) : (
        <Paragraph>{t('desk.description.none')}</Paragraph>
      )}
    </Section>
  );
}

// --- Knowledge-base articles and self-service ------------------------------------------------------

export function Articles({ detail, isRequester, announce }: { detail: RequestDetail; isRequester: boolean; announce: Announce }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const selfService = useSelfService();
  const offerSelfService = isRequester && isOpen(detail.status);
  return (
    <Section id={`${ids}-articles`} title={t('desk.articles.heading')}>
      {offerSelfService && <Paragraph>{t('desk.articles.selfServiceLead')}</Paragraph>}
      <ul className="kp-desk-list">
        {detail.articles.map((article) => (
          <li key={article.id}>
            <Link asChild>
              <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: article.key }}>
                {article.title}
              </RouterLink>
            </Link>
            {offerSelfService && (
              <>
                {' '}
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-label={t('desk.articles.solvedLabel', { title: article.title })}
                  loading={selfService.isPending && selfService.variables?.articleId === article.id}
                  onClick={() =>
                    void selfService
                      .mutateAsync({ ref: String(detail.number), articleId: article.id })
                      .then(() => announce(t('desk.done.selfService')))
                      .catch(() => undefined)
                  }
                >
                  {t('desk.articles.solved')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <ActionError error={selfService.error} onReload={() => selfService.reset()} />
    </Section>
  );
}

// --- Satisfaction survey --------------------------------------------------------------------------

export function Survey({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime } = useSupportI18n();
  const ids = useId();
  const survey = useSurvey();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const answered = detail.survey?.answeredAt ? detail.survey : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      document.getElementById(`${ids}-score-1`)?.focus();
      return;
    }
    setMissing(false);
    try {
      await survey.mutateAsync({ ref: String(detail.number), score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      announce(t('desk.done.survey'));
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Section id={`${ids}-survey`} title={t('desk.survey.heading')}>
      {answered && answered.answeredAt && (
        <>
          <Paragraph>
            {answered.score !== null
              ? t('desk.survey.answered', { score: answered.score, time: dateTime(answered.answeredAt) })
              : t('desk.survey.answeredNoScore', { time: dateTime(answered.answeredAt) })}
          </Paragraph>
          {answered.comment && <p className="kp-desk-text">{answered.comment}</p>}
        </>
      )}
      {detail.can.rate && !answered && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate>
          <Fieldset aria-describedby={missing ? `${ids}-score-error` : undefined}>
            <Fieldset.Legend>{t('desk.survey.question')}</Fieldset.Legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <Radio
                key={value}
                id={`${ids}-score-${value}`}
                name={`${ids}-score`}
                value={String(value)}
                label={t(`desk.survey.score${value}` as SupportKey)}
                checked={score === value}
                onChange={() => setScore(value)}
              />
            ))}
            {missing && (
              <ValidationMessage id={`${ids}-score-error`} data-color="danger">
                {t('desk.survey.required')}
              </ValidationMessage>
            )}
          </Fieldset>
          <Textfield
            multiline
            rows={3}
            label={t('desk.survey.comment')}
            value={comment}
            maxLength={2000}
            onChange={(event) => setComment(event.target.value)}
          />
          <ActionError error={survey.error} onReload={() => survey.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={survey.isPending}>
              {t('desk.survey.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- History --------------------------------------------------------------------------------------

export function History({ detail }: { detail: RequestDetail }) {
  const { t, dateTime, pick } = useSupportI18n();
  const ids = useId();
  return (
    <Section id={`${ids}-history`} title={t('desk.history.heading')}>
      {detail.events.length === 0 ? (
        <Paragraph>{t('desk.history.none')}</Paragraph>
      ) : (
        <ol className="kp-desk-list">
          {detail.events.map((event) => (
            <li key={event.id}>
              <span className="kp-muted">{dateTime(event.createdAt)}</span>
              {event.actorName ? ` – ${event.actorName}` : ''}: {pick(event.text)}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
