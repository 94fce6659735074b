import {
  Button,
  ErrorSummary,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useFocusWhen } from '../../../web/components/use-focus-when';
import { errorMessage } from '../../../web/data/client';
import type { Category, Channel, Priority, RequesterContext, SubmitRequestBody } from '../leader-support.schemas';
import { ArticleSuggestions } from './article-suggestions';
import { channelKey, priorityKey, useSupportI18n } from './i18n';
import { CategoryFieldInput, RequesterFrom, SentFrom } from './new-request-fields';
import type { Solved } from './new-request-steps';
import { serverFieldErrors, subjectMax, validateRequest, type Picked } from './new-request.validation';
import { useSubmitRequest } from './requests-api';
import { Required, SearchPicker } from './search-picker';

// «Ny henvendelse», step 2: the category's own form with the subject and description, who it is
// for (an agent may register it for a leader), and the articles that may answer it already.

const allPriorities: Priority[] = ['low', 'normal', 'high', 'urgent'];
/** Urgent matters come by phone to the first line (seed 002 s. 61), so only agents set «Haster». */
const portalPriorities: Priority[] = ['low', 'normal', 'high'];
const channels: Channel[] = ['phone', 'email', 'portal'];

export function RequestForm({
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
  const heading = useFocusWhen<HTMLHeadingElement>(true);

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
