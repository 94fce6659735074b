import {
  Button,
  Checkbox,
  Fieldset,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { fieldErrors } from '../../../web/components/write-error';
import { hasPermission, useSession } from '../../../web/data/session';
import type { DecisionOutcome, DecisionPoint } from '../board.schemas';
import { BoardForm, BoardProblems, useBoardWrite } from './board-form';
import { checklistsQuery, decisionsQuery, invalidatePortfolio, meetingsQuery, recordDecision, todayInNorway } from './board-api';
import { Announce, outcomeName, outcomes, phaseName, pointName, points, stateName } from './board-parts';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n, type PortfolioKey } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// The board's decisions on the initiative page and in a meeting: the history, and the form for the
// next decision point. Fetches its own data and invalidates ['portfolio'] after a write.

/** The decision history and, for board members, the form for the next decision point. */
export function InitiativeDecisions({ initiativeId, meetingId }: { initiativeId: string; meetingId?: string }) {
  const { t, date, pick } = usePortfolioI18n();
  const { data: session } = useSession();
  const query = useQuery(decisionsQuery(initiativeId));
  const checklists = useQuery(checklistsQuery);
  const headingId = useId();
  const [decided, setDecided] = useState<string | null>(null);
  if (query.isPending) return <Loading label={t('board.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { initiative, decisions } = query.data;
  const labelOf = (point: DecisionPoint, key: string) => {
    const item = checklists.data?.points.find((p) => p.decisionPoint === point)?.items.find((i) => i.key === key);
    return item ? pick(item.label) : key;
  };
  const canDecide = hasPermission(session, 'portfolio:decide') && initiative.nextDecisionPoint !== null;
  return (
    <section className="kp-pf-board-part" aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('board.decisions.heading')}</SectionHeading>
      <Paragraph data-testid="board-position">
        {t('board.decisions.position', { phase: phaseName(t, initiative.phase), state: stateName(t, initiative.state) })}
        {' · '}
        {initiative.nextDecisionPoint
          ? t('board.decisions.next', { point: pointName(t, initiative.nextDecisionPoint) })
          : t('board.decisions.noNext')}
      </Paragraph>
      {decisions.length === 0 ? (
        <EmptyState>{t('board.decisions.none')}</EmptyState>
      ) : (
        <PortfolioTable
          caption={t('board.decisions.caption')}
          headers={[
            t('board.decisions.col.point'),
            t('board.decisions.col.outcome'),
            t('board.decisions.col.rationale'),
            t('board.decisions.col.date'),
            t('board.decisions.col.by'),
            t('board.decisions.col.checklist'),
          ]}
          className="kp-pf-table"
        >
          {decisions.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>{d.decisionPoint}</Table.Cell>
              <Table.Cell>{outcomeName(t, d.outcome)}</Table.Cell>
              <Table.Cell className="kp-pf-pre">{d.rationale}</Table.Cell>
              <Table.Cell>{date(d.decidedOn)}</Table.Cell>
              <Table.Cell>{d.decidedBy.name}</Table.Cell>
              <Table.Cell>
                <ul className="kp-pf-checklist-answers">
                  {Object.entries(d.checklist).map(([key, ok]) => (
                    <li key={key}>
                      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
                      {t(ok ? 'board.decisions.checked' : 'board.decisions.unchecked', { label: labelOf(d.decisionPoint, key) })}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </PortfolioTable>
      )}
      <Announce message={decided} />
      {canDecide && (
        <DecisionForm key={`${initiative.revision}`} initiativeId={initiativeId} meetingId={meetingId} onDecided={setDecided} />
      )}
    </section>
  );
}

type DecisionField = 'decisionPoint' | 'outcome' | 'rationale' | 'decidedOn' | 'meetingId' | 'checklist';

/** The board's form: the next decision point pre-selected, its checklist as checkboxes. */
export function DecisionForm({
  initiativeId,
  meetingId,
  onDecided,
}: {
  initiativeId: string;
  meetingId?: string;
  onDecided?: (message: string) => void;
}) {
  const { t, pick, date, language } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const query = useQuery(decisionsQuery(initiativeId));
  const checklists = useQuery(checklistsQuery);
  const meetings = useQuery(meetingsQuery);
  const ids = useId();
  const fieldIds: Record<DecisionField, string> = {
    decisionPoint: `${ids}-point`,
    outcome: `${ids}-outcome`,
    rationale: `${ids}-rationale`,
    decidedOn: `${ids}-date`,
    meetingId: `${ids}-meeting`,
    checklist: `${ids}-checklist`,
  };
  const next = query.data?.initiative.nextDecisionPoint ?? 'BP1';
  const [point, setPoint] = useState<DecisionPoint>(next);
  const [outcome, setOutcome] = useState<DecisionOutcome>('approve');
  const [rationale, setRationale] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayInNorway());
  const [meeting, setMeeting] = useState(meetingId ?? '');
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const { local, check, error, setError, pending, send } = useBoardWrite<'rationale'>();
  const missing = local !== null;
  const [done, setDone] = useState<string | null>(null);

  const items = checklists.data?.points.find((p) => p.decisionPoint === point)?.items.filter((i) => i.active) ?? [];
  const allMeetings = meetings.data ? [...meetings.data.upcoming, ...meetings.data.past] : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!check(rationale.trim() === '' ? { field: 'rationale', message: t('board.decide.rationaleMissing') } : null)) {
      document.getElementById(fieldIds.rationale)?.focus();
      return;
    }
    if (!query.data) return;
    const checklist = Object.fromEntries(items.map((i) => [i.key, answers[i.key] === true]));
    await send(async () => {
      const result = await recordDecision(initiativeId, {
        decisionPoint: point,
        outcome,
        rationale,
        decidedOn,
        meetingId: meeting === '' ? null : meeting,
        checklist,
        revision: query.data.initiative.revision,
      });
      const message = t('board.decide.done', { outcome: outcomeName(t, result.decision.outcome), point: result.decision.decisionPoint });
      setDone(message);
      onDecided?.(message);
      setRationale('');
      setAnswers({});
      await invalidatePortfolio(queryClient);
    });
  }

  const server = fieldErrors(error, language);
  const fieldError = (field: DecisionField) => (field === 'rationale' && missing ? t('board.decide.rationaleMissing') : server[field]);

  return (
    <BoardForm className="kp-pf-form kp-pf-no-print" headingId={`${ids}-heading`} heading={t('board.decide.heading')} onSubmit={submit}>
      <BoardProblems
        problems={missing ? [{ id: fieldIds.rationale, message: t('board.decide.rationaleMissing') }] : []}
        error={error}
        fieldIds={fieldIds}
        onReload={() => {
          setError(null);
          void invalidatePortfolio(queryClient);
        }}
      />
      <div>
        <Label htmlFor={fieldIds.decisionPoint}>{t('board.decide.point')}</Label>
        <Select
          id={fieldIds.decisionPoint}
          value={point}
          onChange={(e) => setPoint(e.target.value as DecisionPoint)}
          aria-invalid={fieldError('decisionPoint') ? true : undefined}
        >
          {points.map((p) => (
            <option key={p} value={p}>
              {pointName(t, p)}
            </option>
          ))}
        </Select>
        {fieldError('decisionPoint') && <ValidationMessage data-color="danger">{fieldError('decisionPoint')}</ValidationMessage>}
      </div>
      <Fieldset id={fieldIds.outcome}>
        <Fieldset.Legend>{t('board.decide.outcome')}</Fieldset.Legend>
        {outcomes.map((o) => (
          <Radio
            key={o}
            name={`${ids}-outcome`}
            value={o}
            label={t(`board.outcomeChoice.${o}` as PortfolioKey)}
            checked={outcome === o}
            onChange={() => setOutcome(o)}
          />
        ))}
      </Fieldset>
      <Fieldset id={fieldIds.checklist} aria-invalid={fieldError('checklist') ? true : undefined}>
        <Fieldset.Legend>{t('board.decide.checklist', { point })}</Fieldset.Legend>
        <Fieldset.Description>{t('board.decide.checklistHelp')}</Fieldset.Description>
        {items.map((item) => (
          <Checkbox
            key={item.key}
            label={pick(item.label)}
            value={item.key}
            checked={answers[item.key] === true}
            onChange={(e) => setAnswers({ ...answers, [item.key]: e.target.checked })}
          />
        ))}
        {fieldError('checklist') && <ValidationMessage data-color="danger">{fieldError('checklist')}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id={fieldIds.rationale}
        label={t('board.decide.rationale')}
        description={t('board.decide.rationaleHelp')}
        multiline
        rows={3}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        error={fieldError('rationale')}
      />
      <div className="kp-pf-form-row">
        <Textfield
          id={fieldIds.decidedOn}
          label={t('board.decide.date')}
          type="date"
          max={todayInNorway()}
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
          error={fieldError('decidedOn')}
        />
        <div>
          <Label htmlFor={fieldIds.meetingId}>{t('board.decide.meeting')}</Label>
          <Select id={fieldIds.meetingId} value={meeting} onChange={(e) => setMeeting(e.target.value)}>
            <option value="">{t('board.decide.noMeeting')}</option>
            {allMeetings.map((m) => (
              <option key={m.id} value={m.id}>
                {`${date(m.date)} – ${m.title}`}
              </option>
            ))}
          </Select>
          {fieldError('meetingId') && <ValidationMessage data-color="danger">{fieldError('meetingId')}</ValidationMessage>}
        </div>
      </div>
      {!onDecided && <Announce message={done} />}
      <div>
        <Button type="submit" loading={pending}>
          {t('board.decide.submit')}
        </Button>
      </div>
    </BoardForm>
  );
}
