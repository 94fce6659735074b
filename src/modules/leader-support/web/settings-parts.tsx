import './settings.css';
import { ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import type { Priority } from '../leader-support.schemas';
import { useSupportI18n } from './i18n';

// Pieces the settings page's sections share: the section frame, the summary of what to fix before
// sending, and how weekdays and durations are written.

export const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const priorityList: Priority[] = ['urgent', 'high', 'normal', 'low'];

/** A settings section: its heading and a line on what it governs. */
export function Section({ id, heading, help, children }: { id: string; heading: string; help: string; children: ReactNode }) {
  return (
    <section className="kp-ls-settings-section" aria-labelledby={id}>
      <SectionHeading id={id}>{heading}</SectionHeading>
      <Paragraph data-size="sm">{help}</Paragraph>
      {children}
    </section>
  );
}

/** Client-side problems before sending: a summary linking to each field. */
export function ProblemSummary({ problems, fieldIds }: { problems: [string, string][]; fieldIds: Record<string, string> }) {
  const { t } = useSupportI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems.length]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kp-ls-settings-status">
      <ErrorSummary>
        <ErrorSummary.Heading level={3}>{t('settings.failed')}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {problems.map(([name, message]) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldIds[name]}`}>{message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    </div>
  );
}

export function useWeekdayName() {
  const { locale } = useSupportI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday.
    return (day: string) => format.format(new Date(Date.UTC(2024, 0, Number(day))));
  }, [locale]);
}

/** «4 t 30 min» */
export function useDuration() {
  const { t } = useSupportI18n();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t('settings.durationMinutes', { minutes: rest });
    if (rest === 0) return t('settings.durationHours', { hours });
    return t('settings.duration', { hours, minutes: rest });
  };
}

export const isTime = (value: string) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value);

/** The `[field, message]` found for a field, if any. */
export const problemIn = (problems: [string, string][], name: string) => problems.find(([n]) => n === name)?.[1];
