import {
  Details,
  DetailsContent,
  DetailsSummary,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { locales, useI18n, type Translate } from '../../i18n/i18n';
import type { AuditEntry } from './audit-api';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, language } = useI18n();
  const formatTime = useMemo(() => new Intl.DateTimeFormat(locales[language], { dateStyle: 'short', timeStyle: 'medium' }), [language]);

  return (
    // The table may be wider than a phone screen: the wrapper scrolls
    // sideways, and is focusable so keyboard users can scroll it too.
    <div className="kp-table-scroll" tabIndex={0} role="region" aria-labelledby="kp-audit-caption">
      <Table zebra className="kp-audit-table">
        <caption id="kp-audit-caption" className="ds-sr-only">
          {t('audit.caption')}
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('audit.colTime')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.colActor')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.colAction')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.colEntity')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.colChanges')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="kp-nowrap">
                <time dateTime={entry.occurredAt}>{formatTime.format(new Date(entry.occurredAt))}</time>
              </TableCell>
              <TableCell>{entry.actorName ?? entry.actorUserId ?? t('audit.system')}</TableCell>
              <TableCell>
                <code className="kp-code">{entry.action}</code>
              </TableCell>
              <TableCell>
                {entry.entityType}
                {entry.entityId && (
                  <>
                    <br />
                    <code className="kp-code kp-muted">{entry.entityId}</code>
                  </>
                )}
              </TableCell>
              <TableCell className="kp-changes-cell">
                <Changes entry={entry} t={t} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Before and after side by side, behind a disclosure so the table stays scannable. */
function Changes({ entry, t }: { entry: AuditEntry; t: Translate }) {
  const fields = changedFields(entry.before, entry.after);
  return (
    <Details>
      <DetailsSummary>
        {t('audit.showChanges')}
        {fields.length > 0 && <span className="ds-sr-only"> ({fields.join(', ')})</span>}
      </DetailsSummary>
      <DetailsContent>
        {fields.length > 0 && <Paragraph data-size="sm">{t('audit.changedFields', { fields: fields.join(', ') })}</Paragraph>}
        <div className="kp-diff">
          <JsonBlock label={t('audit.before')} value={entry.before} t={t} />
          <JsonBlock label={t('audit.after')} value={entry.after} t={t} />
        </div>
        {entry.requestId && (
          <Paragraph data-size="xs" className="kp-muted">
            {t('audit.requestId', { id: entry.requestId })}
          </Paragraph>
        )}
      </DetailsContent>
    </Details>
  );
}

function JsonBlock({ label, value, t }: { label: string; value: unknown; t: Translate }) {
  const empty = value === null || value === undefined;
  return (
    <figure className="kp-json">
      <figcaption>{label}</figcaption>
      {empty ? <Paragraph data-size="sm">{t('audit.noValue')}</Paragraph> : <pre className="kp-code">{JSON.stringify(value, null, 2)}</pre>}
    </figure>
  );
}

/** Top-level fields whose value differs; for a create or delete, every field of the one side. */
export function changedFields(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const a = asRecord(before);
  const b = asRecord(after);
  if (!a && !b) return [];
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys].filter((key) => JSON.stringify(a?.[key]) !== JSON.stringify(b?.[key]));
}
