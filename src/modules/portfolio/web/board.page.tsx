import {
  Button,
  Checkbox,
  ErrorSummary,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { ChecklistItem, DecisionPoint, MeetingSummary } from '../board.schemas';
import {
  addBoardMember,
  boardMembersQuery,
  endBoardMember,
  checklistsQuery,
  createMeeting,
  decisionsExportUrl,
  dueReportsQuery,
  errorPath,
  invalidatePortfolio,
  meetingsQuery,
  putChecklist,
  todayInNorway,
} from './board-api';
import { phaseName, pointName } from './board-parts';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';
import './board.css';

/** /portefolje/styret: the board's meetings, the missing status reports, the checklists. */
export function BoardPage() {
  const { t } = usePortfolioI18n();
  const { data: session } = useSession();
  const isBoard = hasPermission(session, 'portfolio:decide');
  return (
    <Page title={t('board.title')}>
      <PortfolioNav />
      <Paragraph>{t('board.intro')}</Paragraph>
      <Meetings isBoard={isBoard} />
      <BoardMembers mayEdit={hasPermission(session, 'users:write')} />
      <DueReports />
      <section className="kp-pf-board-section" aria-labelledby="kp-pf-export">
        <Heading level={2} data-size="sm" id="kp-pf-export">
          {t('board.export.heading')}
        </Heading>
        <div className="kp-pf-actions">
          <DsLink href={decisionsExportUrl('csv')} download>
            {t('board.export.csv')}
          </DsLink>
          <DsLink href={decisionsExportUrl('xlsx')} download>
            {t('board.export.xlsx')}
          </DsLink>
        </div>
      </section>
      <ChecklistSettings isBoard={isBoard} />
    </Page>
  );
}

function MeetingLinks({ meetings }: { meetings: MeetingSummary[] }) {
  const { t, date } = usePortfolioI18n();
  if (meetings.length === 0) return <Paragraph>{t('board.meetings.none')}</Paragraph>;
  return (
    <ul className="kp-pf-meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <DsLink asChild>
            <Link to="/portefolje/styret/moter/$id" params={{ id: m.id }}>
              {`${date(m.date)} – ${m.title}`}
            </Link>
          </DsLink>{' '}
          <Tag data-color={m.status === 'held' ? 'success' : 'info'} data-size="sm">
            {t(m.status === 'held' ? 'board.meetings.status.held' : 'board.meetings.status.planned')}
          </Tag>{' '}
          <span>{t('board.meetings.agendaCount', { count: m.agendaCount })}</span>
        </li>
      ))}
    </ul>
  );
}

function Meetings({ isBoard }: { isBoard: boolean }) {
  const { t } = usePortfolioI18n();
  const query = useQuery(meetingsQuery);
  return (
    <>
      <section className="kp-pf-board-section" aria-labelledby="kp-pf-upcoming">
        <Heading level={2} data-size="sm" id="kp-pf-upcoming">
          {t('board.meetings.upcoming')}
        </Heading>
        {query.isPending && <Loading label={t('board.loading')} />}
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && <MeetingLinks meetings={query.data.upcoming} />}
        {isBoard && <NewMeetingForm />}
      </section>
      <section className="kp-pf-board-section" aria-labelledby="kp-pf-past">
        <Heading level={2} data-size="sm" id="kp-pf-past">
          {t('board.meetings.past')}
        </Heading>
        {query.data && <MeetingLinks meetings={query.data.past} />}
      </section>
    </>
  );
}

function NewMeetingForm() {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [date, setDate] = useState(todayInNorway());
  const [title, setTitle] = useState(t('board.meetings.titleDefault'));
  const [problem, setProblem] = useState<{ field: 'date' | 'title'; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') return setProblem({ field: 'title', message: t('board.meetings.titleMissing') });
    if (date === '') return setProblem({ field: 'date', message: t('board.meetings.dateMissing') });
    setPending(true);
    setProblem(null);
    try {
      await createMeeting({ date, title: title.trim() });
      await invalidatePortfolio(queryClient);
    } catch (error) {
      setProblem({ field: errorPath(error) === 'title' ? 'title' : 'date', message: (error as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {t('board.meetings.new')}
      </Heading>
      {problem && (
        <ErrorSummary>
          <ErrorSummary.Heading level={4}>{t('board.failed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${ids}-${problem.field}`}>{problem.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <div className="kp-pf-form-row">
        <Textfield
          id={`${ids}-date`}
          label={t('board.meetings.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={problem?.field === 'date' ? problem.message : undefined}
        />
        <Textfield
          id={`${ids}-title`}
          label={t('board.meetings.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={problem?.field === 'title' ? problem.message : undefined}
        />
      </div>
      <div>
        <Button type="submit" loading={pending}>
          {t('board.meetings.create')}
        </Button>
      </div>
    </form>
  );
}

/** Who sits on the board, dated; the board's rights follow the seat. Administrators give and end seats. */
function BoardMembers({ mayEdit }: { mayEdit: boolean }) {
  const { t, date } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const query = useQuery(boardMembersQuery);
  const ids = useId();
  const [person, setPerson] = useState('');
  const [from, setFrom] = useState(todayInNorway());
  const [problem, setProblem] = useState<{ field: 'person' | 'from'; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [endError, setEndError] = useState<unknown>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (person.trim() === '') return setProblem({ field: 'person', message: t('board.members.personMissing') });
    if (from === '') return setProblem({ field: 'from', message: t('board.members.fromMissing') });
    setPending(true);
    setProblem(null);
    try {
      await addBoardMember({ person: person.trim(), validFrom: from });
      setPerson('');
      setDone(t('board.members.added'));
      await invalidatePortfolio(queryClient);
    } catch (error) {
      setProblem({ field: errorPath(error) === 'validFrom' ? 'from' : 'person', message: (error as Error).message });
    } finally {
      setPending(false);
    }
  }

  async function end(id: string, revision: number) {
    setDone(null);
    setEndError(null);
    try {
      await endBoardMember(id, { validTo: todayInNorway(), revision });
      setDone(t('board.members.endedNow'));
      await invalidatePortfolio(queryClient);
    } catch (error) {
      setEndError(error);
    }
  }

  const today = todayInNorway();
  return (
    <section className="kp-pf-board-section" aria-labelledby={`${ids}-members`}>
      <Heading level={2} data-size="sm" id={`${ids}-members`}>
        {t('board.members.heading')}
      </Heading>
      <Paragraph>{t('board.members.intro')}</Paragraph>
      {query.isPending && <Loading label={t('board.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {endError !== null && <ErrorAlert error={endError} />}
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
      {query.data && query.data.members.length === 0 && <Paragraph>{t('board.members.none')}</Paragraph>}
      {query.data && query.data.members.length > 0 && (
        <div className="kp-pf-table-scroll">
          <Table data-size="sm" className="kp-pf-table">
            <caption>{t('board.members.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('board.members.col.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.members.col.from')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.members.col.to')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.members.col.status')}</Table.HeaderCell>
                {mayEdit && <Table.HeaderCell>{t('board.members.col.action')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {query.data.members.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.person.name}</Table.Cell>
                  <Table.Cell>{date(m.validFrom)}</Table.Cell>
                  <Table.Cell>{m.validTo ? date(m.validTo) : t('board.members.open')}</Table.Cell>
                  <Table.Cell>
                    {t(m.current ? 'board.members.current' : m.validFrom > today ? 'board.members.future' : 'board.members.ended')}
                  </Table.Cell>
                  {mayEdit && (
                    <Table.Cell>
                      {m.current && m.validFrom < today && (
                        <Button variant="secondary" data-size="sm" onClick={() => void end(m.id, m.revision)}>
                          {t('board.members.end', { name: m.person.name })}
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {mayEdit && (
        <form className="kp-pf-form" onSubmit={(e) => void add(e)} noValidate aria-labelledby={`${ids}-add`}>
          <Heading level={3} data-size="xs" id={`${ids}-add`}>
            {t('board.members.add')}
          </Heading>
          <div className="kp-pf-form-row">
            <Textfield
              id={`${ids}-person`}
              label={t('board.members.person')}
              value={person}
              onChange={(e) => setPerson(e.target.value)}
              error={problem?.field === 'person' ? problem.message : undefined}
            />
            <Textfield
              id={`${ids}-from`}
              label={t('board.members.from')}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              error={problem?.field === 'from' ? problem.message : undefined}
            />
          </div>
          <div>
            <Button type="submit" loading={pending}>
              {t('board.members.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function DueReports() {
  const { t, month } = usePortfolioI18n();
  const query = useQuery(dueReportsQuery);
  const data = query.data;
  return (
    <section className="kp-pf-board-section" aria-labelledby="kp-pf-due">
      <Heading level={2} data-size="sm" id="kp-pf-due">
        {t('board.due.heading')}
      </Heading>
      {query.isPending && <Loading label={t('board.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && !data.isDue && <Paragraph>{t('board.due.notYet', { period: month(data.period), day: data.dueDay })}</Paragraph>}
      {data && data.isDue && data.initiatives.length === 0 && <Paragraph>{t('board.due.none')}</Paragraph>}
      {data && data.initiatives.length > 0 && (
        <>
          <Paragraph>{t('board.due.intro', { period: month(data.period), day: data.dueDay })}</Paragraph>
          <div className="kp-pf-table-scroll">
            <Table data-size="sm" className="kp-pf-table">
              <caption>{t('board.due.caption', { period: month(data.period) })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('board.due.col.initiative')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.due.col.phase')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.due.col.last')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.initiatives.map((i) => (
                  <Table.Row key={i.initiativeId}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to="/portefolje/initiativ/$number" params={{ number: String(i.number) }}>
                          {`${i.number} – ${i.title}`}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{phaseName(t, i.phase)}</Table.Cell>
                    <Table.Cell>{i.lastPeriod ? month(i.lastPeriod) : t('board.due.never')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

const decisionPoints: DecisionPoint[] = ['BP1', 'BP2', 'BP3', 'BP4', 'BP5'];

function ChecklistSettings({ isBoard }: { isBoard: boolean }) {
  const { t } = usePortfolioI18n();
  const query = useQuery(checklistsQuery);
  const [shown, setShown] = useState<DecisionPoint>('BP1');
  return (
    <section className="kp-pf-board-section" aria-labelledby="kp-pf-checklists">
      <Heading level={2} data-size="sm" id="kp-pf-checklists">
        {t('board.checklists.heading')}
      </Heading>
      <Paragraph>{t('board.checklists.intro')}</Paragraph>
      {query.isPending && <Loading label={t('board.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <div>
        <Label htmlFor="kp-pf-checklist-point">{t('board.checklists.show')}</Label>
        <Select id="kp-pf-checklist-point" value={shown} onChange={(e) => setShown(e.target.value as DecisionPoint)}>
          {decisionPoints.map((p) => (
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
    <div className="kp-pf-table-scroll">
      <Table data-size="sm" className="kp-pf-table">
        <caption>{t('board.checklists.caption', { point: pointName(t, point) })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('board.checklists.col.label')}</Table.HeaderCell>
            <Table.HeaderCell>{t('board.checklists.active')}</Table.HeaderCell>
            <Table.HeaderCell>{t('board.checklists.col.source')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.key}>
              <Table.Cell>{pick(item.label)}</Table.Cell>
              <Table.Cell>{t(item.active ? 'board.yes' : 'board.no')}</Table.Cell>
              <Table.Cell>{item.source ?? '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
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
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (index: number, patch: Partial<(typeof items)[number]>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  function add() {
    const key = newKey.trim();
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(key) || items.some((i) => i.key === key)) {
      setProblem(t('board.checklists.keyInvalid'));
      document.getElementById(`${ids}-new`)?.focus();
      return;
    }
    setProblem(null);
    setItems([...items, { key, label: { nb: key, en: key }, order: (items.at(-1)?.order ?? 0) + 10, active: true }]);
    setNewKey('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    setSaved(null);
    try {
      const answer = await putChecklist(point, { version, items });
      setVersion(answer.version);
      setSaved(t('board.checklists.done', { point }));
      await invalidatePortfolio(queryClient);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {t('board.checklists.point', { point: pointName(t, point) })}
      </Heading>
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
      {problem && (
        <ErrorSummary>
          <ErrorSummary.Heading level={4}>{t('board.failed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${ids}-new`}>{problem}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <div role="status" className="kp-pf-announce">
        {saved && <Paragraph>{saved}</Paragraph>}
      </div>
      <div>
        <Button type="submit" variant="secondary" loading={pending}>
          {t('board.checklists.save', { point })}
        </Button>
      </div>
    </form>
  );
}
