import './requests.css';
import {
  Alert,
  Button,
  ErrorSummary,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Category, CategoryField, Channel, Priority, RequesterContext, SubmitRequestBody } from '../leader-support.schemas';
import { ArticleSuggestions } from './article-suggestions';
import { channelKey, priorityKey, useSupportI18n } from './i18n';
import { catalogueQuery, leaderSearchQuery, meQuery, organisationSearchQuery, useSubmitRequest } from './requests-api';
import { requestsNb } from './requests.messages';
import { serverFieldErrors, subjectMax, validateRequest, type Picked } from './new-request.validation';
import { SupportNav } from './ui';

// «Ny henvendelse»: step 1 picks a category from the catalogue; step 2 is that category's own form
// with the subject and description, while knowledge-base articles that match are suggested. Where the
// request comes from (unit, level, sector) is read from the organisation model and shown, never typed.
// First-line agents may register a request for a leader (usually by phone, possibly urgent).

const allPriorities: Priority[] = ['low', 'normal', 'high', 'urgent'];
/** Urgent matters come by phone to the first line (seed 002 s. 61), so only agents set «Haster». */
const portalPriorities: Priority[] = ['low', 'normal', 'high'];
const channels: Channel[] = ['phone', 'email', 'portal'];

export function NewRequestPage() {
  const { t } = useSupportI18n();
  const { data: session } = useSession();
  const catalogue = useQuery(catalogueQuery);
  const me = useQuery(meQuery);
  const allowed = hasPermission(session, 'leader_support:submit');
  const rawSearch = useRouterState({ select: (state) => state.location.search as Record<string, unknown> });

  return (
    <Page title={t('nav.new')}>
      <SupportNav />
      {!allowed ? (
        <Paragraph>{t('requests.new.notAllowed')}</Paragraph>
      ) : catalogue.isError || me.isError ? (
        <ErrorAlert
          error={catalogue.error ?? me.error}
          onRetry={() => {
            void catalogue.refetch();
            void me.refetch();
          }}
        />
      ) : !catalogue.data || !me.data ? (
        <Loading label={t('requests.new.loading')} />
      ) : (
        <NewRequestFlow
          categories={catalogue.data.categories}
          me={me.data}
          onBehalfAllowed={hasPermission(session, 'leader_support:handle')}
          initialCategory={typeof rawSearch.kategori === 'string' ? rawSearch.kategori : undefined}
        />
      )}
    </Page>
  );
}

type Solved = { number: number; article: { id: string; key: string; title: string } };

function NewRequestFlow({
  categories,
  me,
  onBehalfAllowed,
  initialCategory,
}: {
  categories: Category[];
  me: RequesterContext;
  onBehalfAllowed: boolean;
  initialCategory?: string;
}) {
  const [categoryKey, setCategoryKey] = useState<string | null>(() =>
    categories.some((c) => c.key === initialCategory) ? (initialCategory ?? null) : null,
  );
  const [step, setStep] = useState<'category' | 'details'>(categoryKey ? 'details' : 'category');
  const [solved, setSolved] = useState<Solved | null>(null);
  const category = categories.find((c) => c.key === categoryKey);

  if (solved) {
    return (
      <SolvedConfirmation
        solved={solved}
        onAnother={() => {
          setSolved(null);
          setCategoryKey(null);
          setStep('category');
        }}
      />
    );
  }
  if (step === 'details' && category) {
    return (
      <RequestForm
        key={category.key}
        category={category}
        me={me}
        onBehalfAllowed={onBehalfAllowed}
        onChangeCategory={() => setStep('category')}
        onSolved={setSolved}
      />
    );
  }
  return (
    <CategoryStep
      categories={categories}
      value={categoryKey}
      onNext={(key) => {
        setCategoryKey(key);
        setStep('details');
      }}
    />
  );
}

/** The area's name («Lønn»), or the area's key when the dictionary does not know it. */
function useAreaName() {
  const { t } = useSupportI18n();
  return (area: string) => {
    const key = `requests.area.${area}`;
    return key in requestsNb ? t(key as keyof typeof requestsNb) : area.charAt(0).toUpperCase() + area.slice(1).replaceAll('_', ' ');
  };
}

/** Moves focus to an element when it appears (a step's heading), so keyboard and screen-reader users start there. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function CategoryStep({ categories, value, onNext }: { categories: Category[]; value: string | null; onNext: (key: string) => void }) {
  const { t, pick } = useSupportI18n();
  const ids = useId();
  const areaName = useAreaName();
  const [choice, setChoice] = useState(value ?? '');
  const [tried, setTried] = useState(0);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // Areas in the catalogue's own order (the desk's sort order), each category under its area.
  const areas = useMemo(() => {
    const grouped = new Map<string, Category[]>();
    for (const category of categories) grouped.set(category.area, [...(grouped.get(category.area) ?? []), category]);
    return [...grouped.entries()];
  }, [categories]);
  const firstId = `${ids}-category-${categories[0]?.key ?? ''}`;
  const missing = tried > 0 && !choice;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried((n) => n + 1);
    if (choice) onNext(choice);
  };

  return (
    <form onSubmit={submit} noValidate className="kp-ls-req-form">
      <Heading level={2} data-size="sm" ref={heading} tabIndex={-1} className="kp-ls-req-step">
        {t('requests.new.step1')}
      </Heading>
      {missing && (
        <ErrorSummary key={tried}>
          <ErrorSummary.Heading level={3}>{t('requests.new.errorsHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${firstId}`}>{t('requests.new.categoryRequired')}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <Fieldset aria-invalid={missing || undefined} aria-describedby={missing ? `${ids}-category-error` : undefined}>
        <Fieldset.Legend>{t('requests.new.categoryLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('requests.new.categoryHelp')}</Fieldset.Description>
        {areas.map(([area, inArea]) => (
          <Fieldset key={area} className="kp-ls-req-area">
            <Fieldset.Legend className="kp-ls-req-area__legend">{areaName(area)}</Fieldset.Legend>
            {inArea.map((category) => (
              <Radio
                key={category.key}
                id={`${ids}-category-${category.key}`}
                name={`${ids}-category`}
                value={category.key}
                label={pick(category.name)}
                description={category.description ? pick(category.description) : undefined}
                checked={choice === category.key}
                onChange={() => setChoice(category.key)}
              />
            ))}
          </Fieldset>
        ))}
        {missing && (
          <ValidationMessage id={`${ids}-category-error`} data-color="danger">
            {t('requests.new.categoryRequired')}
          </ValidationMessage>
        )}
      </Fieldset>
      <div className="kp-ls-req-actions">
        <Button type="submit">{t('requests.new.next')}</Button>
      </div>
    </form>
  );
}

function RequestForm({
  category,
  me,
  onBehalfAllowed,
  onChangeCategory,
  onSolved,
}: {
  category: Category;
  me: RequesterContext;
  onBehalfAllowed: boolean;
  onChangeCategory: () => void;
  onSolved: (solved: Solved) => void;
}) {
  const { t, pick, language } = useSupportI18n();
  const ids = useId();
  const navigate = useNavigate();
  const mutation = useSubmitRequest();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const [onBehalf, setOnBehalf] = useState(false);
  const [leader, setLeader] = useState<Picked | null>(null);
  const [channel, setChannel] = useState<Channel>('phone');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<Record<string, Picked | null>>({});
  const [priority, setPriority] = useState<Priority>(category.defaultPriority);
  const [attempt, setAttempt] = useState(0);

  const priorities = onBehalf ? allPriorities : portalPriorities;
  // A leader's form has no «Haster»: a category whose default is urgent starts at «Høy» there.
  const shownPriority = priorities.includes(priority) ? priority : 'high';

  const fieldId = (name: string) => `${ids}-${name.replace('.', '-')}`;
  const clientErrors = validateRequest({ category, subject, description, values, picked, onBehalf, leader }, t, (field) =>
    pick(field.label),
  );
  // The server's per-field problems are short codes («required», «unknown person»): each field says
  // in words that it was refused, and the server's own message (in the user's language) says why.
  const fieldLabels: Record<string, string> = {
    subject: t('requests.new.subject'),
    description: t('requests.new.description'),
    priority: t('requests.new.priority'),
    channel: t('requests.new.channel'),
    onBehalfOfUserId: t('requests.new.leader'),
    ...Object.fromEntries(category.fields.map((field) => [`fields.${field.key}`, pick(field.label)])),
  };
  const server = Object.fromEntries(
    Object.keys(serverFieldErrors(mutation.error))
      .filter((name) => name in fieldLabels)
      .map((name) => [name, t('requests.new.fieldRefused', { field: fieldLabels[name]! })]),
  );
  const errors: Record<string, string | undefined> = attempt > 0 ? { ...server, ...clientErrors } : server;
  const errorFor = (name: string) => errors[name];

  const body = (): SubmitRequestBody => {
    const fields: Record<string, string | number> = {};
    for (const field of category.fields) {
      if (field.type === 'unit' || field.type === 'person') {
        const chosen = picked[field.key];
        if (chosen) fields[field.key] = chosen.id;
        continue;
      }
      const value = (values[field.key] ?? '').trim();
      if (!value) continue;
      fields[field.key] = field.type === 'number' ? Number(value.replace(',', '.')) : value;
    }
    return {
      categoryKey: category.key,
      subject: subject.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      priority: shownPriority,
      ...(onBehalf && leader ? { onBehalfOfUserId: leader.id, channel } : {}),
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    mutation.reset();
    if (Object.keys(clientErrors).length > 0) return;
    mutation.mutate(body(), {
      onSuccess: (request) => void navigate({ to: '/lederstotte/henvendelser/$number', params: { number: String(request.number) } }),
    });
  };

  // An article solved it: stored as a request solved by self-service, with what was typed so far.
  const solve = (article: Solved['article']) => {
    mutation.reset();
    const typed = body();
    mutation.mutate(
      { ...typed, subject: (typed.subject || article.title).slice(0, subjectMax), solvedByArticleId: article.id },
      { onSuccess: (request) => onSolved({ number: request.number, article }) },
    );
  };

  // The summary: what the user must fix (client checks after a try), else the server's refusal.
  const summaryEntries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const serverMessage = mutation.error ? errorMessage(mutation.error, language) : null;
  const showSummary = (attempt > 0 && Object.keys(clientErrors).length > 0) || Boolean(mutation.error);

  return (
    <form onSubmit={submit} noValidate className="kp-ls-req-form">
      <Heading level={2} data-size="sm" ref={heading} tabIndex={-1} className="kp-ls-req-step">
        {t('requests.new.step2', { category: pick(category.name) })}
      </Heading>
      {category.description && <Paragraph>{pick(category.description)}</Paragraph>}
      <div>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onChangeCategory}>
          {t('requests.new.changeCategory')}
        </Button>
      </div>

      {showSummary && (
        <ErrorSummary key={`${attempt}-${mutation.submittedAt}`}>
          <ErrorSummary.Heading level={3}>
            {t(mutation.error ? 'requests.new.refusedHeading' : 'requests.new.errorsHeading')}
          </ErrorSummary.Heading>
          {serverMessage && <Paragraph>{serverMessage}</Paragraph>}
          {summaryEntries.length > 0 && (
            <ErrorSummary.List>
              {summaryEntries.map(([name, message]) => (
                <ErrorSummary.Item key={name}>
                  <ErrorSummary.Link href={`#${fieldId(name)}`}>{message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          )}
        </ErrorSummary>
      )}

      {onBehalfAllowed && (
        <Fieldset>
          <Fieldset.Legend>{t('requests.new.whoLegend')}</Fieldset.Legend>
          <Radio
            name={`${ids}-who`}
            value="self"
            label={t('requests.new.whoSelf')}
            checked={!onBehalf}
            onChange={() => setOnBehalf(false)}
          />
          <Radio
            name={`${ids}-who`}
            value="leader"
            label={t('requests.new.whoLeader')}
            description={t('requests.new.whoLeaderHelp')}
            checked={onBehalf}
            onChange={() => setOnBehalf(true)}
          />
        </Fieldset>
      )}

      {onBehalf ? (
        <div className="kp-ls-req-behalf">
          <SearchPicker
            kind="leader"
            id={fieldId('onBehalfOfUserId')}
            legend={t('requests.new.leader')}
            required
            value={leader}
            onChange={setLeader}
            error={errorFor('onBehalfOfUserId')}
          />
          <div className="kp-ls-req-field">
            <Label htmlFor={fieldId('channel')}>{t('requests.new.channel')}</Label>
            <Select id={fieldId('channel')} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {t(channelKey(c))}
                </option>
              ))}
            </Select>
          </div>
          <SentFrom>
            {leader
              ? leader.hint
                ? t('requests.new.fromLeader', { name: leader.label, unit: leader.hint })
                : t('requests.new.fromLeaderNoUnit', { name: leader.label })
              : t('requests.new.fromLeaderPending')}
          </SentFrom>
        </div>
      ) : (
        <RequesterFrom me={me} />
      )}

      <Paragraph data-size="sm" className="kp-muted">
        {t('requests.new.requiredNote')}
      </Paragraph>

      <Textfield
        id={fieldId('subject')}
        label={<Required>{t('requests.new.subject')}</Required>}
        description={t('requests.new.subjectHelp')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={errorFor('subject')}
        required
        autoComplete="off"
      />
      <Textfield
        id={fieldId('description')}
        multiline
        rows={5}
        label={t('requests.new.description')}
        description={t('requests.new.descriptionHelp')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errorFor('description')}
      />

      <ArticleSuggestions text={`${subject}\n${description}`.trim()} categoryKey={category.key} onSolved={solve} />

      {category.fields.map((field) => (
        <CategoryFieldInput
          key={field.key}
          field={field}
          id={fieldId(`fields.${field.key}`)}
          value={values[field.key] ?? ''}
          onValue={(value) => setValues((prev) => ({ ...prev, [field.key]: value }))}
          picked={picked[field.key] ?? null}
          onPicked={(value) => setPicked((prev) => ({ ...prev, [field.key]: value }))}
          error={errorFor(`fields.${field.key}`)}
        />
      ))}

      <div className="kp-ls-req-field">
        <Label htmlFor={fieldId('priority')}>{t('requests.new.priority')}</Label>
        <Paragraph data-size="sm" id={`${fieldId('priority')}-help`} className="kp-muted">
          {t(onBehalf ? 'requests.new.priorityHelpAgent' : 'requests.new.priorityHelp')}
        </Paragraph>
        <Select
          id={fieldId('priority')}
          value={shownPriority}
          onChange={(e) => setPriority(e.target.value as Priority)}
          aria-describedby={`${fieldId('priority')}-help${errorFor('priority') ? ` ${fieldId('priority')}-error` : ''}`}
          aria-invalid={errorFor('priority') ? true : undefined}
        >
          {priorities.map((p) => (
            <option key={p} value={p}>
              {t(priorityKey(p))}
            </option>
          ))}
        </Select>
        {errorFor('priority') && (
          <ValidationMessage id={`${fieldId('priority')}-error`} data-color="danger">
            {errorFor('priority')}
          </ValidationMessage>
        )}
      </div>

      <div className="kp-ls-req-actions">
        <Button type="submit" disabled={mutation.isPending} aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('requests.new.sending') : t(onBehalf ? 'requests.new.submitForLeader' : 'requests.new.submit')}
        </Button>
      </div>
    </form>
  );
}

/** «Emne *»: the star is for the eye; `required` on the input says it to screen readers. */
function Required({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <span aria-hidden="true" className="kp-ls-req-star">
        {' '}
        *
      </span>
    </>
  );
}

function SentFrom({ children }: { children: ReactNode }) {
  const { t } = useSupportI18n();
  return (
    <div className="kp-ls-req-from">
      <Paragraph>
        <strong>{t('requests.new.from')}</strong> {children}
      </Paragraph>
    </div>
  );
}

/** Where the request comes from, as the organisation model says today; without a position, said plainly. */
function RequesterFrom({ me }: { me: RequesterContext }) {
  const { t } = useSupportI18n();
  if (!me.unit) {
    return (
      <Alert data-color="warning" className="kp-ls-req-from">
        <Heading level={3} data-size="2xs">
          {t('requests.new.noUnitHeading')}
        </Heading>
        <Paragraph>{t('requests.new.noUnit')}</Paragraph>
      </Alert>
    );
  }
  const unit = t('requests.new.fromUnit', { unit: me.unit.name, level: me.unit.level });
  return (
    <SentFrom>
      {me.sector ? `${unit}, ${me.sector.name}` : unit}
      <span className="kp-ls-req-block kp-muted">{t('requests.new.fromHelp')}</span>
    </SentFrom>
  );
}

function CategoryFieldInput({
  field,
  id,
  value,
  onValue,
  picked,
  onPicked,
  error,
}: {
  field: CategoryField;
  id: string;
  value: string;
  onValue: (value: string) => void;
  picked: Picked | null;
  onPicked: (value: Picked | null) => void;
  error?: string;
}) {
  const { t, pick } = useSupportI18n();
  const label = pick(field.label);
  const help = field.help ? pick(field.help) : undefined;
  const shownLabel = field.required ? <Required>{label}</Required> : label;

  switch (field.type) {
    case 'unit':
    case 'person':
      return (
        <SearchPicker
          kind={field.type}
          id={id}
          legend={label}
          description={help}
          required={field.required}
          value={picked}
          onChange={onPicked}
          error={error}
        />
      );
    case 'select':
      return (
        <div className="kp-ls-req-field">
          <Label htmlFor={id}>{shownLabel}</Label>
          {help && (
            <Paragraph data-size="sm" id={`${id}-help`} className="kp-muted">
              {help}
            </Paragraph>
          )}
          <Select
            id={id}
            value={value}
            onChange={(e) => onValue(e.target.value)}
            required={field.required}
            aria-invalid={error ? true : undefined}
            aria-describedby={[help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          >
            <option value="">{t('requests.new.choose')}</option>
            {(field.options ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {pick(option.label)}
              </option>
            ))}
          </Select>
          {error && (
            <ValidationMessage id={`${id}-error`} data-color="danger">
              {error}
            </ValidationMessage>
          )}
        </div>
      );
    case 'textarea':
      return (
        <Textfield
          id={id}
          multiline
          rows={4}
          label={shownLabel}
          description={help}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          error={error}
          required={field.required}
        />
      );
    default:
      return (
        <Textfield
          id={id}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          label={shownLabel}
          description={help}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          error={error}
          required={field.required}
          autoComplete="off"
        />
      );
  }
}

/** The value after the user stopped typing for a moment: one search per pause, not per key. */
function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Picks a unit or a person (the organisation search) or a leader (first line's «Registrer for en
 * leder»): a search field, and the matches as radio buttons. Enter in the search field searches at
 * once instead of sending the form.
 */
function SearchPicker({
  kind,
  id,
  legend,
  description,
  required,
  value,
  onChange,
  error,
}: {
  kind: 'unit' | 'person' | 'leader';
  id: string;
  legend: string;
  description?: string;
  required: boolean;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  error?: string;
}) {
  const { t, language } = useSupportI18n();
  const ids = useId();
  const [q, setQ] = useState('');
  const [now, setNow] = useState<string | null>(null);
  const debounced = useDebounced(q.trim());
  const term = now ?? debounced;
  const organisation = useQuery({ ...organisationSearchQuery(term), enabled: kind !== 'leader' && term !== '' });
  const leaders = useQuery({ ...leaderSearchQuery(term), enabled: kind === 'leader' && term !== '' });
  const query = kind === 'leader' ? leaders : organisation;

  const options: Picked[] =
    term === ''
      ? []
      : kind === 'leader'
        ? (leaders.data ?? []).map((u) => ({ id: u.userId, label: u.displayName, hint: u.unitName }))
        : kind === 'unit'
          ? (organisation.data?.units ?? []).map((u) => ({ id: u.id, label: u.name, hint: t('requests.new.level', { level: u.level }) }))
          : (organisation.data?.people ?? []).map((p) => ({ id: p.id, label: p.name }));
  const shown = value && !options.some((o) => o.id === value.id) ? [value, ...options] : options;
  const searchLabel = t(
    kind === 'unit' ? 'requests.new.searchUnit' : kind === 'person' ? 'requests.new.searchPerson' : 'requests.new.searchLeader',
  );

  return (
    <Fieldset className="kp-ls-req-picker" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <Fieldset.Legend>{required ? <Required>{legend}</Required> : legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <Textfield
        id={id}
        label={searchLabel}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setNow(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            setNow(q.trim());
          }
        }}
        autoComplete="off"
        data-size="sm"
      />
      <div role="status" className="kp-ls-req-picker__status">
        {term !== '' && query.isFetching && t('requests.new.searching')}
        {term !== '' && !query.isFetching && query.isError && errorMessage(query.error, language)}
        {term !== '' && !query.isFetching && query.isSuccess && options.length === 0 && t('requests.new.noMatches', { q: term })}
        {term !== '' && !query.isFetching && options.length > 0 && t('requests.new.matches', { count: options.length })}
      </div>
      {shown.map((option) => (
        <Radio
          key={option.id}
          name={`${ids}-pick`}
          value={option.id}
          label={option.label}
          description={option.hint ?? undefined}
          checked={value?.id === option.id}
          onChange={() => onChange(option)}
          required={required}
        />
      ))}
      {value && (
        <Paragraph data-size="sm" className="kp-muted">
          {t('requests.new.picked', { name: value.label })}
        </Paragraph>
      )}
      {error && (
        <ValidationMessage id={`${id}-error`} data-color="danger">
          {error}
        </ValidationMessage>
      )}
    </Fieldset>
  );
}

function SolvedConfirmation({ solved, onAnother }: { solved: Solved; onAnother: () => void }) {
  const { t, requestNumber } = useSupportI18n();
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <>
      <div ref={ref} tabIndex={-1} role="status" className="kp-ls-req-solved">
        <Alert data-color="success">
          <Heading level={2} data-size="xs">
            {t('requests.new.solvedHeading')}
          </Heading>
          <Paragraph>{t('requests.new.solved')}</Paragraph>
          <Paragraph data-size="sm">
            {t('requests.new.solvedArticle')}{' '}
            <Link asChild>
              <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: solved.article.key }}>
                {solved.article.title}
              </RouterLink>
            </Link>
            {'. '}
            {t('requests.new.solvedNumber', { number: requestNumber(solved.number) })}
          </Paragraph>
        </Alert>
      </div>
      <div className="kp-ls-req-actions">
        <Button type="button" variant="secondary" onClick={onAnother}>
          {t('requests.new.another')}
        </Button>
        <Link asChild>
          <RouterLink to="/lederstotte/henvendelser">{t('nav.mine')}</RouterLink>
        </Link>
      </div>
    </>
  );
}
