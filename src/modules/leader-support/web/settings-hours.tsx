import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { isIsoDate } from '../../../web/components/as-of-date';
import { DataTable } from '../../../web/components/data-table';
import { WriteError } from '../../../web/components/write-error';
import type { Settings } from '../leader-support.schemas';
import { Announcement, useAnnouncer } from './desk-parts';
import { lineKey, useSupportI18n } from './i18n';
import { useChangeSettings } from './settings-api';
import { isTime, problemIn, ProblemSummary, Section, useWeekdayName, weekdays } from './settings-parts';

// Settings: the desk's opening hours and closed days, and its hourly rates and targets. Read-only
// for agents; a form each for the administrator.

export function HoursSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t, date } = useSupportI18n();
  const dayName = useWeekdayName();
  const [formKey, setFormKey] = useState(0);
  return (
    <Section id="settings-hours" heading={t('settings.hours.heading')} help={t('settings.hours.help')}>
      {canEdit ? (
        <HoursForm key={formKey} settings={settings} onReload={() => setFormKey((k) => k + 1)} />
      ) : (
        <>
          <DataTable
            caption={t('settings.hours.caption')}
            headers={[t('settings.hours.weekday'), t('settings.hours.open')]}
            rowHeaders
            empty=""
            rows={weekdays.map((day) => {
              const hours = settings.openingHours[day];
              return { key: day, cells: [dayName(day), hours ? `${hours[0]}–${hours[1]}` : t('settings.hours.closed')] };
            })}
          />
          <Heading level={3} data-size="xs">
            {t('settings.closedDays.label')}
          </Heading>
          {settings.closedDays.length === 0 ? (
            <Paragraph>{t('settings.closedDays.none')}</Paragraph>
          ) : (
            <ul>
              {settings.closedDays.map((day) => (
                <li key={day}>{date(day)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function HoursForm({ settings, onReload }: { settings: Settings; onReload: () => void }) {
  const { t } = useSupportI18n();
  const dayName = useWeekdayName();
  const ids = useId();
  const mutation = useChangeSettings();
  const announcer = useAnnouncer();
  const [days, setDays] = useState(() =>
    Object.fromEntries(
      weekdays.map((day) => {
        const hours = settings.openingHours[day];
        return [day, { open: Boolean(hours), opens: hours?.[0] ?? '08:00', closes: hours?.[1] ?? '15:30' }];
      }),
    ),
  );
  const [closedDays, setClosedDays] = useState(settings.closedDays.join('\n'));
  const [problems, setProblems] = useState<[string, string][]>([]);
  const fieldIds: Record<string, string> = { closedDays: `${ids}-closed`, openingHours: `${ids}-opens-1` };
  for (const day of weekdays) fieldIds[`opens${day}`] = `${ids}-opens-${day}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    announcer.clear();
    const found: [string, string][] = [];
    for (const day of weekdays) {
      const value = days[day]!;
      if (!value.open) continue;
      if (!isTime(value.opens) || !isTime(value.closes))
        found.push([`opens${day}`, t('settings.hours.timeRequired', { day: dayName(day) })]);
      else if (value.opens >= value.closes) found.push([`opens${day}`, t('settings.hours.before', { day: dayName(day) })]);
    }
    const dates = closedDays
      .split(/\s+/)
      .map((d) => d.trim())
      .filter(Boolean);
    const wrong = dates.find((d) => !isIsoDate(d));
    if (wrong) found.push(['closedDays', t('settings.closedDays.invalid', { value: wrong })]);
    setProblems(found);
    if (found.length > 0) return;
    const openingHours = Object.fromEntries(
      weekdays.map((day) => {
        const value = days[day]!;
        return [day, value.open ? ([value.opens, value.closes] as [string, string]) : null];
      }),
    );
    mutation.mutate(
      { revision: settings.revision, openingHours, closedDays: [...new Set(dates)] },
      { onSuccess: () => announcer.announce(t('settings.saved')) },
    );
  };
  const problemFor = (name: string) => problemIn(problems, name);

  return (
    <form className="kp-ls-settings-form" onSubmit={submit} noValidate>
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      {weekdays.map((day) => {
        const value = days[day]!;
        const set = (patch: Partial<typeof value>) => setDays({ ...days, [day]: { ...value, ...patch } });
        const problem = problemFor(`opens${day}`);
        return (
          <Fieldset key={day}>
            <Fieldset.Legend>{dayName(day)}</Fieldset.Legend>
            <div className="kp-ls-settings-row">
              <Checkbox label={t('settings.hours.open')} checked={value.open} onChange={(e) => set({ open: e.target.checked })} />
              {value.open && (
                <>
                  <Textfield
                    id={fieldIds[`opens${day}`]}
                    label={t('settings.hours.opens')}
                    type="time"
                    value={value.opens}
                    onChange={(e) => set({ opens: e.target.value })}
                    aria-invalid={problem ? true : undefined}
                  />
                  <Textfield
                    label={t('settings.hours.closes')}
                    type="time"
                    value={value.closes}
                    onChange={(e) => set({ closes: e.target.value })}
                    aria-invalid={problem ? true : undefined}
                  />
                </>
              )}
            </div>
            {problem && <ValidationMessage data-color="danger">{problem}</ValidationMessage>}
          </Fieldset>
        );
      })}
      <div>
        <Label htmlFor={fieldIds.closedDays}>{t('settings.closedDays.label')}</Label>
        <Paragraph data-size="sm" id={`${fieldIds.closedDays}-help`}>
          {t('settings.closedDays.help')}
        </Paragraph>
        <Textarea
          id={fieldIds.closedDays}
          rows={4}
          value={closedDays}
          onChange={(e) => setClosedDays(e.target.value)}
          aria-describedby={`${fieldIds.closedDays}-help`}
          aria-invalid={problemFor('closedDays') ? true : undefined}
        />
        {problemFor('closedDays') && <ValidationMessage data-color="danger">{problemFor('closedDays')}</ValidationMessage>}
      </div>
      <WriteError error={mutation.error} onReload={onReload} fieldIds={fieldIds} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.hours.save')}
        </Button>
      </div>
    </form>
  );
}

// --- Rates and targets --------------------------------------------------------------------------

export function RatesSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t, kroner } = useSupportI18n();
  const [formKey, setFormKey] = useState(0);
  return (
    <Section id="settings-rates" heading={t('settings.rates.heading')} help={t('settings.rates.help')}>
      {canEdit ? (
        <RatesForm key={formKey} settings={settings} onReload={() => setFormKey((k) => k + 1)} />
      ) : (
        <DataTable
          caption={t('settings.rates.caption')}
          headers={[t('settings.rates.what'), t('settings.rates.value')]}
          rowHeaders
          empty=""
          rows={[
            ...(['1', '2', '3'] as const).map((line) => ({
              key: line,
              cells: [
                t('settings.rates.line', { line: t(lineKey(Number(line))) }),
                settings.rates[line] === undefined ? t('settings.rates.none') : kroner(settings.rates[line]!),
              ],
            })),
            { key: 'warn', cells: [t('settings.rates.warnShort'), `${settings.warnPercent} %`] },
            { key: 'target', cells: [t('settings.rates.targetShort'), `${settings.firstLineTargetPercent} %`] },
          ]}
        />
      )}
    </Section>
  );
}

function RatesForm({ settings, onReload }: { settings: Settings; onReload: () => void }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const mutation = useChangeSettings();
  const announcer = useAnnouncer();
  const [rates, setRates] = useState<Record<string, string>>(() =>
    Object.fromEntries(['1', '2', '3'].map((line) => [line, settings.rates[line] === undefined ? '' : String(settings.rates[line])])),
  );
  const [warn, setWarn] = useState(String(settings.warnPercent));
  const [target, setTarget] = useState(String(settings.firstLineTargetPercent));
  const [problems, setProblems] = useState<[string, string][]>([]);
  const fieldIds: Record<string, string> = {
    rate1: `${ids}-rate1`,
    rate2: `${ids}-rate2`,
    rate3: `${ids}-rate3`,
    rates: `${ids}-rate1`,
    warnPercent: `${ids}-warn`,
    firstLineTargetPercent: `${ids}-target`,
  };
  const whole = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    announcer.clear();
    const found: [string, string][] = [];
    const next: Record<string, number> = {};
    for (const line of ['1', '2', '3']) {
      const text = rates[line]!.trim().replace(',', '.');
      if (text === '') continue;
      const amount = Number(text);
      if (!Number.isFinite(amount) || amount < 0 || amount > 100_000) found.push([`rate${line}`, t('settings.rates.invalid')]);
      else next[line] = amount;
    }
    if (!whole(warn, 1, 99)) found.push(['warnPercent', t('settings.rates.warnInvalid')]);
    if (!whole(target, 1, 100)) found.push(['firstLineTargetPercent', t('settings.rates.targetInvalid')]);
    setProblems(found);
    if (found.length > 0) return;
    mutation.mutate(
      { revision: settings.revision, rates: next, warnPercent: Number(warn), firstLineTargetPercent: Number(target) },
      { onSuccess: () => announcer.announce(t('settings.saved')) },
    );
  };
  const problemFor = (name: string) => problemIn(problems, name);

  return (
    <form className="kp-ls-settings-form" onSubmit={submit} noValidate>
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      <div className="kp-ls-settings-row">
        {(['1', '2', '3'] as const).map((line) => (
          <Textfield
            key={line}
            id={fieldIds[`rate${line}`]}
            label={t('settings.rates.line', { line: t(lineKey(Number(line))) })}
            inputMode="decimal"
            value={rates[line]}
            onChange={(e) => setRates({ ...rates, [line]: e.target.value })}
            error={problemFor(`rate${line}`)}
          />
        ))}
      </div>
      <Textfield
        id={fieldIds.warnPercent}
        label={t('settings.rates.warn')}
        inputMode="numeric"
        value={warn}
        onChange={(e) => setWarn(e.target.value)}
        error={problemFor('warnPercent')}
      />
      <Textfield
        id={fieldIds.firstLineTargetPercent}
        label={t('settings.rates.target')}
        inputMode="numeric"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        error={problemFor('firstLineTargetPercent')}
      />
      <WriteError error={mutation.error} onReload={onReload} fieldIds={fieldIds} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.rates.save')}
        </Button>
      </div>
    </form>
  );
}
