import { Button, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RequestSummary } from '../leader-support.schemas';
import { ActionError, isOpen, RequestLink, useSlaText, useTakeRequest } from './desk-parts';
import { lineKey, priorityKey, statusKey, useSupportI18n } from './i18n';

// The queue's table: each request with its clocks in words, its age, and «Ta» where no one has it.
// Two agents taking the same request: the server lets exactly one win; the other is told who.

export function QueueTable({
  items,
  readAt,
  announce,
}: {
  items: RequestSummary[];
  /** When the list was read: ages are counted to then. */
  readAt: number;
  announce: (text: string, tone?: 'success' | 'warning') => void;
}) {
  const { t, pick, dateTime, requestNumber } = useSupportI18n();
  const slaText = useSlaText();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { takeRequest, take } = useTakeRequest({
    announce,
    reread: () => queryClient.invalidateQueries({ queryKey: ['leader-support'] }),
    onError: setError,
  });

  const age = (createdAt: string) => {
    const minutes = Math.max(0, Math.floor((readAt - new Date(createdAt).getTime()) / 60_000));
    if (minutes < 60) return t('desk.age.minutes', { count: minutes });
    if (minutes < 48 * 60) return t('desk.age.hours', { count: Math.floor(minutes / 60) });
    return t('desk.age.days', { count: Math.floor(minutes / (24 * 60)) });
  };

  return (
    <>
      <ActionError error={error} onReload={() => void queryClient.invalidateQueries({ queryKey: ['leader-support', 'queue'] })} />
      <div className="kp-table-scroll">
        <Table zebra data-size="sm" className="kp-desk-table">
          <caption>{t('desk.queue.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('desk.col.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.subject')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.requester')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.category')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.priority')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.lineGroup')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.assignee')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.sla')}</Table.HeaderCell>
              <Table.HeaderCell>{t('desk.col.age')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((row) => (
              <Table.Row key={row.id}>
                <Table.HeaderCell scope="row" className="kp-nowrap">
                  <RequestLink number={row.number}>{requestNumber(row.number)}</RequestLink>
                </Table.HeaderCell>
                <Table.Cell>
                  {row.subject}
                  {row.synthetic && <span className="kp-muted"> ({t('common.synthetic')})</span>}
                </Table.Cell>
                <Table.Cell>
                  {row.requester.name}
                  {row.unit && (
                    <>
                      <br />
                      <span className="kp-muted">{row.unit.name}</span>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>{pick(row.category.name)}</Table.Cell>
                <Table.Cell>{t(priorityKey(row.priority))}</Table.Cell>
                <Table.Cell>{t(statusKey(row.status))}</Table.Cell>
                <Table.Cell>
                  {t(lineKey(row.line))}
                  <br />
                  <span className="kp-muted">{row.group.name}</span>
                </Table.Cell>
                <Table.Cell>
                  {row.assignee ? (
                    row.assignee.displayName
                  ) : (
                    <>
                      <span>{t('desk.none')}</span>
                      {isOpen(row.status) && (
                        <>
                          {' '}
                          <Button
                            data-size="sm"
                            variant="secondary"
                            aria-label={t('desk.queue.takeLabel', { number: requestNumber(row.number) })}
                            loading={take.isPending && take.variables?.ref === String(row.number)}
                            onClick={() => void takeRequest(row)}
                          >
                            {t('desk.queue.take')}
                          </Button>
                        </>
                      )}
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {row.response.state !== 'met' && row.response.state !== 'none' ? (
                    <>
                      {t('desk.sla.responseShort')}: {slaText(row.response)}
                      <br />
                    </>
                  ) : null}
                  {t('desk.sla.resolutionShort')}: {slaText(row.resolution)}
                </Table.Cell>
                <Table.Cell>
                  <time dateTime={row.createdAt} title={dateTime(row.createdAt)}>
                    {age(row.createdAt)}
                  </time>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
