import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { isIsoDate, todayInNorway } from './format';

export { todayInNorway };
import type { DatedFormEnd } from './dated-form-end';
import { useFocusWhen } from './use-focus-when';
import { fieldErrors } from './write-error';

type Mutation = { error: unknown; isSuccess: boolean; isPending: boolean; reset: () => void };
type Problems<F extends string> = Partial<Record<F, string | undefined | false>>;

/**
 * What every dated edit form keeps: from which day and on what source the change holds, an id per
 * field (for the labels and the error summary's links), the form's own problems shown after the
 * first try or else the server's, «nothing changed», and focus on «saved». The form renders its
 * own fields and ends with `<DatedFormEnd {...form.end} … />`.
 *
 * @example
 * const form = useDatedForm({ fields: ['name'], mutation, onReload, problems: { name: !name.trim() ? t('hub.nameRequired') : undefined } });
 * <form className="kp-form" noValidate onSubmit={form.submit(() => form.sendChanges(changedFields({ name: [name.trim(), hub.name] }),
 *   (next) => mutation.mutate({ revision: hub.revision, validFrom: form.validFrom, ...next, ...form.sourceChange })))}>
 *   <Textfield id={form.fieldIds.name} label={t('hub.name')} value={name} onChange={…} error={form.errors.name} />
 *   <DatedFormEnd {...form.end} submitLabel={t('hub.save')} />
 * </form>
 */
export function useDatedForm<F extends string>({
  fields,
  mutation,
  onReload,
  problems = {},
  validFrom: initialValidFrom,
  source: initialSource,
}: {
  /** The form's own fields, as the server names them (its refusals point at these). */
  fields: readonly F[];
  mutation: Mutation;
  /** Reload what was edited, after a refusal because someone else changed it first. */
  onReload: () => void;
  /**
   * What is wrong with a field before sending (false or undefined: nothing), shown once the form has
   * been sent; a function when a problem depends on the chosen day.
   */
  problems?: Problems<F> | ((validFrom: string) => Problems<F>);
  /** Today by default. */
  validFrom?: string;
  source?: string;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const [validFrom, setValidFrom] = useState(initialValidFrom ?? todayInNorway());
  const [source, setSource] = useState(initialSource ?? '');
  const [tried, setTried] = useState(false);
  const [nothingChanged, setNothingChanged] = useState(false);
  const savedRef = useFocusWhen(mutation.isSuccess);

  type Field = F | 'validFrom' | 'source';
  const fieldIds = Object.fromEntries([...fields, 'validFrom', 'source'].map((name) => [name, `${id}-${name}`])) as Record<Field, string>;
  const server: Partial<Record<string, string>> = fieldErrors(mutation.error, language);
  const validFromOk = isIsoDate(validFrom);
  const own = {
    ...(typeof problems === 'function' ? problems(validFrom) : problems),
    validFrom: !validFromOk && t('form.dateRequired'),
  } as Partial<Record<Field, string | undefined | false>>;
  const errors = Object.fromEntries(
    (Object.keys(fieldIds) as Field[]).map((name) => [name, (tried && own[name]) || server[name]]),
  ) as Record<Field, string | undefined>;
  const ok = !Object.values(own).some(Boolean);

  return {
    /** A prefix for ids the form makes itself (`${form.id}-search`). */
    id,
    fieldIds,
    /** The form's own problem after the first try, otherwise the server's message, per field. */
    errors,
    /** The server's message per field (its refusal of the last send). */
    server,
    validFrom,
    /** The chosen day when it is a real day, otherwise today: the day to look options up on. */
    day: validFromOk ? validFrom : todayInNorway(),
    source,
    /** The source as a change sends it: only when given. */
    sourceChange: source.trim() ? { source: source.trim() } : {},
    /** The submit handler: marks the form tried, and calls `send` only when nothing is wrong. */
    submit: (send: () => void) => (event: FormEvent) => {
      event.preventDefault();
      setTried(true);
      setNothingChanged(false);
      if (ok) send();
    },
    /** Sends the changed fields, or says that nothing changed. */
    sendChanges: <T extends object>(changes: T, send: (changes: T) => void) => {
      if (Object.keys(changes).length === 0) setNothingChanged(true);
      else send(changes);
    },
    /** The props of the form's `DatedFormEnd`, less its submit label. */
    end: {
      fieldIds,
      validFrom,
      onValidFrom: setValidFrom,
      validFromError: errors.validFrom,
      source,
      onSource: setSource,
      sourceError: errors.source,
      mutation,
      onReload,
      nothingChanged,
      savedRef,
    } satisfies Omit<Parameters<typeof DatedFormEnd>[0], 'submitLabel'>,
  };
}

/**
 * The fields whose new value differs from the one read, `{ field: [new, read] }` → `{ field: new }`;
 * lists compare as sets. A dated change sends only these.
 */
export function changedFields<T extends Record<string, readonly [unknown, unknown]>>(pairs: T): { [K in keyof T]?: T[K][0] } {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item) => b.includes(item)) : a === b;
  return Object.fromEntries(
    Object.entries(pairs)
      .filter(([, [next, read]]) => !same(next, read))
      .map(([name, [next]]) => [name, next]),
  ) as {
    [K in keyof T]?: T[K][0];
  };
}
