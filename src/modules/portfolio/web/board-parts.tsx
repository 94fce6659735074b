import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  Fieldset,
  Heading,
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
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { DecisionOutcome, DecisionPoint, Light, Phase, StatusReport } from '../board.schemas';
import {
  checklistsQuery,
  createStatusReport,
  decisionsQuery,
  errorPath,
  invalidatePortfolio,
  meetingsQuery,
  recordDecision,
  statusReportsQuery,
  todayInNorway,
  updateStatusReport,
} from './board-api';
import { usePortfolioI18n, type PortfolioI18n, type PortfolioKey } from './i18n';
import './board.css';

// The board's parts of the initiative page: the decision history and form, and the status reports.
// Each takes the initiative's id, fetches its own data, and invalidates ['portfolio'] after a write.

const points: DecisionPoint[] = ['BP1', 'BP2', 'BP3', 'BP4', 'BP5'];
const phaseOrder: Phase[] = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'];
const outcomes: DecisionOutcome[] = ['approve', 'return', 'pause', 'stop'];
const lightKinds = ['scope', 'time', 'cost', 'benefits'] as const;
type LightKind = (typeof lightKinds)[number];

export const phaseName = (t: PortfolioI18n['t'], phase: Phase) => t(`board.phase.${phase}` as PortfolioKey);
export const stateName = (t: PortfolioI18n['t'], state: string) => t(`board.state.${state}` as PortfolioKey);
export const outcomeName = (t: PortfolioI18n['t'], outcome: DecisionOutcome) => t(`board.outcome.${outcome}` as PortfolioKey);
/** «BP2: Konsept → Planlegge» */
export function pointName(t: PortfolioI18n['t'], point: DecisionPoint): string {
  const index = points.indexOf(point);
  return t('board.point', { point, from: phaseName(t, phaseOrder[index]!), to: phaseName(t, phaseOrder[index + 1]!) });
}

/** A traffic light as text and colour (the colour never carries the meaning alone). */
export function LightBadge({ kind, light }: { kind: LightKind; light: Light }) {
  const { t } = usePortfolioI18n();
  return (
    <span className={`kp-pf-light kp-pf-light--${light}`}>
      <span className="kp-pf-light__dot" aria-hidden="true" />
      {t(`board.light.${kind}` as PortfolioKey)}: {t(`board.light.${light}` as PortfolioKey)}
    </span>
  );
}

export function Lights({ report }: { report: { scopeLight: Light; timeLight: Light; costLight: Light; benefitsLight: Light } }) {
  const { t } = usePortfolioI18n();
  return (
    <ul className="kp-pf-lights" aria-label={t('board.reports.lights')}>
      {lightKinds.map((kind) => (
        <li key={kind}>
          <LightBadge kind={kind} light={report[`${kind}Light`]} />
        </li>
      ))}
    </ul>
  );
}

function Announce({ message }: { message: string | null }) {
  return (
    <div role="status" className="kp-pf-announce">
      {message && <Paragraph>{message}</Paragraph>}
    </div>
  );
}

// --- Decisions ------------------------------------------------------------------------------------

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
      <Heading level={2} data-size="sm" id={headingId}>
        {t('board.decisions.heading')}
      </Heading>
      <Paragraph data-testid="board-position">
        {t('board.decisions.position', { phase: phaseName(t, initiative.phase), state: stateName(t, initiative.state) })}
        {' · '}
        {initiative.nextDecisionPoint
          ? t('board.decisions.next', { point: pointName(t, initiative.nextDecisionPoint) })
          : t('board.decisions.noNext')}
      </Paragraph>
      {decisions.length === 0 ? (
        <Paragraph>{t('board.decisions.none')}</Paragraph>
      ) : (
        <div className="kp-pf-table-scroll">
          <Table data-size="sm" className="kp-pf-table">
            <caption>{t('board.decisions.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('board.decisions.col.point')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.rationale')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.by')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.checklist')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
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
            </Table.Body>
          </Table>
        </div>
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
  const [problem, setProblem] = useState<{ field: DecisionField | null; message: string; stale: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const items = checklists.data?.points.find((p) => p.decisionPoint === point)?.items.filter((i) => i.active) ?? [];
  const allMeetings = meetings.data ? [...meetings.data.upcoming, ...meetings.data.past] : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (rationale.trim() === '') {
      setProblem({ field: 'rationale', message: t('board.decide.rationaleMissing'), stale: false });
      document.getElementById(fieldIds.rationale)?.focus();
      return;
    }
    if (!query.data) return;
    setPending(true);
    setProblem(null);
    const checklist = Object.fromEntries(items.map((i) => [i.key, answers[i.key] === true]));
    try {
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
    } catch (error) {
      const stale = error instanceof ApiError && error.code === 'stale';
      const path = errorPath(error);
      const field = (path && path in fieldIds ? path : null) as DecisionField | null;
      setProblem({ field, message: errorMessage(error, language), stale });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (field: DecisionField) => (problem?.field === field ? problem.message : undefined);

  return (
    <form className="kp-pf-form kp-pf-no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {t('board.decide.heading')}
      </Heading>
      {problem && (
        <ErrorSummary>
          <ErrorSummary.Heading level={4}>{t('board.failed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${problem.field ? fieldIds[problem.field] : fieldIds.decisionPoint}`}>
                {problem.message}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
          {problem.stale && (
            <Button type="button" variant="secondary" data-size="sm" onClick={() => void invalidatePortfolio(queryClient)}>
              {t('board.reload')}
            </Button>
          )}
        </ErrorSummary>
      )}
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
    </form>
  );
}

// --- Status reports -------------------------------------------------------------------------------

/** The latest status reports with their lights, the "report due" notice, and the form. */
export function InitiativeStatusReports({ initiativeId }: { initiativeId: string }) {
  const { t, month, number } = usePortfolioI18n();
  const query = useQuery(statusReportsQuery(initiativeId));
  const headingId = useId();
  const [editing, setEditing] = useState<StatusReport | null>(null);
  if (query.isPending) return <Loading label={t('board.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { reports, due, canReport } = query.data;
  const latest = reports[0];
  return (
    <section className="kp-pf-board-part" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('board.reports.heading')}
      </Heading>
      {due && (
        <Alert data-color="warning">
          <Paragraph>{t('board.reports.due', { period: month(due.period), day: due.dueDay })}</Paragraph>
        </Alert>
      )}
      {latest ? (
        <>
          <Heading level={3} data-size="xs">
            {t('board.reports.latest', { period: month(latest.period) })}
          </Heading>
          <Lights report={latest} />
          <dl className="kp-pf-report-text">
            <dt>{t('board.reports.progress')}</dt>
            <dd className="kp-pf-pre">{latest.progress || '–'}</dd>
            <dt>{t('board.reports.risks')}</dt>
            <dd className="kp-pf-pre">{latest.risks || '–'}</dd>
            <dt>{t('board.reports.issues')}</dt>
            <dd className="kp-pf-pre">{latest.issues || '–'}</dd>
            <dt>{t('board.reports.nextSteps')}</dt>
            <dd className="kp-pf-pre">{latest.nextSteps || '–'}</dd>
          </dl>
          <div className="kp-pf-table-scroll">
            <Table data-size="sm" className="kp-pf-table">
              <caption>{t('board.reports.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('board.reports.col.period')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.reports.lights')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.reports.col.percent')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.reports.col.by')}</Table.HeaderCell>
                  {canReport && <Table.HeaderCell>{t('board.reports.col.actions')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {reports.slice(0, 12).map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell>{month(r.period)}</Table.Cell>
                    <Table.Cell>
                      <Lights report={r} />
                    </Table.Cell>
                    <Table.Cell>{r.percentComplete === null ? '–' : `${number(r.percentComplete)} %`}</Table.Cell>
                    <Table.Cell>{r.reportedBy.name}</Table.Cell>
                    {canReport && (
                      <Table.Cell>
                        <Button type="button" variant="tertiary" data-size="sm" onClick={() => setEditing(r)}>
                          {t('board.reports.edit', { period: month(r.period) })}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : (
        <Paragraph>{t('board.reports.none')}</Paragraph>
      )}
      {canReport && (
        <StatusReportForm
          key={editing ? `${editing.id}-${editing.revision}` : 'new'}
          initiativeId={initiativeId}
          report={editing}
          defaultPeriod={due?.period ?? todayInNorway().slice(0, 7)}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

type ReportField = 'period' | 'progress' | 'risks' | 'issues' | 'nextSteps' | 'percentComplete' | LightKind;

function StatusReportForm({
  initiativeId,
  report,
  defaultPeriod,
  onDone,
}: {
  initiativeId: string;
  report: StatusReport | null;
  defaultPeriod: string;
  onDone: () => void;
}) {
  const { t, month } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const id = (field: ReportField) => `${ids}-${field}`;
  const [period, setPeriod] = useState(report?.period ?? defaultPeriod);
  const [lightValues, setLightValues] = useState<Record<LightKind, Light>>({
    scope: report?.scopeLight ?? 'green',
    time: report?.timeLight ?? 'green',
    cost: report?.costLight ?? 'green',
    benefits: report?.benefitsLight ?? 'green',
  });
  const [text, setText] = useState({
    progress: report?.progress ?? '',
    risks: report?.risks ?? '',
    issues: report?.issues ?? '',
    nextSteps: report?.nextSteps ?? '',
  });
  const [percent, setPercent] = useState(
    report?.percentComplete === null || report?.percentComplete === undefined ? '' : String(report.percentComplete),
  );
  const [problem, setProblem] = useState<{ field: ReportField | null; message: string; stale: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fieldError = (field: ReportField) => (problem?.field === field ? problem.message : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const percentText = percent.trim();
    const percentValue = percentText === '' ? null : Number(percentText);
    if (!/^\d{4}-\d{2}$/.test(period)) {
      setProblem({ field: 'period', message: t('board.reports.periodMissing'), stale: false });
      return;
    }
    if (percentValue !== null && !(Number.isInteger(percentValue) && percentValue >= 0 && percentValue <= 100)) {
      setProblem({ field: 'percentComplete', message: t('board.reports.percentInvalid'), stale: false });
      return;
    }
    setPending(true);
    setProblem(null);
    const fields = {
      ...text,
      scopeLight: lightValues.scope,
      timeLight: lightValues.time,
      costLight: lightValues.cost,
      benefitsLight: lightValues.benefits,
      percentComplete: percentValue,
    };
    try {
      const saved = report
        ? await updateStatusReport(initiativeId, report.id, { ...fields, revision: report.revision })
        : await createStatusReport(initiativeId, { ...fields, period });
      setDone(t('board.reports.done', { period: month(saved.period) }));
      await invalidatePortfolio(queryClient);
      if (report) onDone();
    } catch (error) {
      const path = errorPath(error);
      const field = (path === 'period' || path === 'percentComplete' ? path : null) as ReportField | null;
      setProblem({ field, message: (error as Error).message, stale: error instanceof ApiError && error.code === 'stale' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form kp-pf-no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {report ? t('board.reports.formEdit', { period: month(report.period) }) : t('board.reports.formNew')}
      </Heading>
      {problem && (
        <ErrorSummary>
          <ErrorSummary.Heading level={4}>{t('board.failed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${id(problem.field ?? 'period')}`}>{problem.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
          {problem.stale && (
            <Button type="button" variant="secondary" data-size="sm" onClick={() => void invalidatePortfolio(queryClient).then(onDone)}>
              {t('board.reload')}
            </Button>
          )}
        </ErrorSummary>
      )}
      <div className="kp-pf-form-row">
        <Textfield
          id={id('period')}
          label={t('board.reports.period')}
          type="month"
          value={period}
          max={todayInNorway().slice(0, 7)}
          readOnly={report !== null}
          onChange={(e) => setPeriod(e.target.value)}
          error={fieldError('period')}
        />
        <Textfield
          id={id('percentComplete')}
          label={t('board.reports.percent')}
          inputMode="numeric"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          error={fieldError('percentComplete')}
        />
      </div>
      <div className="kp-pf-form-row">
        {lightKinds.map((kind) => (
          <div key={kind}>
            <Label htmlFor={id(kind)}>{t(`board.light.${kind}` as PortfolioKey)}</Label>
            <Select
              id={id(kind)}
              value={lightValues[kind]}
              onChange={(e) => setLightValues({ ...lightValues, [kind]: e.target.value as Light })}
            >
              {(['green', 'yellow', 'red'] as const).map((light) => (
                <option key={light} value={light}>
                  {t(`board.light.${light}` as PortfolioKey)}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
      {(['progress', 'risks', 'issues', 'nextSteps'] as const).map((field) => (
        <Textfield
          key={field}
          id={id(field)}
          label={t(`board.reports.${field}` as PortfolioKey)}
          multiline
          rows={2}
          value={text[field]}
          onChange={(e) => setText({ ...text, [field]: e.target.value })}
        />
      ))}
      <Announce message={done} />
      <div className="kp-pf-actions">
        <Button type="submit" loading={pending}>
          {t('board.reports.save')}
        </Button>
        {report && (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t('board.reports.cancelEdit')}
          </Button>
        )}
      </div>
    </form>
  );
}
