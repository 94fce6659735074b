import { Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import { BoardForm, useBoardWrite } from './board-form';
import { addBoardMember, boardMembersQuery, endBoardMember, invalidatePortfolio, todayInNorway } from './board-api';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

/** Who sits on the board, dated; the board's rights follow the seat. Administrators give and end seats. */
export function BoardMembers({ mayEdit }: { mayEdit: boolean }) {
  const { t, date } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const query = useQuery(boardMembersQuery);
  const ids = useId();
  const [person, setPerson] = useState('');
  const [from, setFrom] = useState(todayInNorway());
  const { local, check, error, pending, send } = useBoardWrite<'person' | 'from'>();
  const server = fieldErrors(error);
  const fieldError = (field: 'person' | 'from') =>
    local?.field === field ? local.message : server[field === 'from' ? 'validFrom' : field];
  const [done, setDone] = useState<string | null>(null);
  const [endError, setEndError] = useState<unknown>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found =
      person.trim() === ''
        ? ({ field: 'person', message: t('board.members.personMissing') } as const)
        : from === ''
          ? ({ field: 'from', message: t('board.members.fromMissing') } as const)
          : null;
    if (!check(found)) return;
    await send(async () => {
      await addBoardMember({ person: person.trim(), validFrom: from });
      setPerson('');
      setDone(t('board.members.added'));
      await invalidatePortfolio(queryClient);
    });
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
      <SectionHeading id={`${ids}-members`}>{t('board.members.heading')}</SectionHeading>
      <Paragraph>{t('board.members.intro')}</Paragraph>
      {query.isPending && <Loading label={t('board.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {endError !== null && <ErrorAlert error={endError} />}
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
      {query.data && query.data.members.length === 0 && <EmptyState>{t('board.members.none')}</EmptyState>}
      {query.data && query.data.members.length > 0 && (
        <PortfolioTable
          caption={t('board.members.caption')}
          headers={[
            t('board.members.col.name'),
            t('board.members.col.from'),
            t('board.members.col.to'),
            t('board.members.col.status'),
            mayEdit && t('board.members.col.action'),
          ]}
          className="kp-pf-table"
        >
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
        </PortfolioTable>
      )}
      {mayEdit && (
        <BoardForm headingId={`${ids}-add`} heading={t('board.members.add')} onSubmit={add}>
          <WriteError error={error} fieldIds={{ person: `${ids}-person`, validFrom: `${ids}-from` }} heading={t('board.failed')} />
          <div className="kp-pf-form-row">
            <Textfield
              id={`${ids}-person`}
              label={t('board.members.person')}
              value={person}
              onChange={(e) => setPerson(e.target.value)}
              error={fieldError('person')}
            />
            <Textfield
              id={`${ids}-from`}
              label={t('board.members.from')}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              error={fieldError('from')}
            />
          </div>
          <div>
            <Button type="submit" loading={pending}>
              {t('board.members.save')}
            </Button>
          </div>
        </BoardForm>
      )}
    </section>
  );
}
