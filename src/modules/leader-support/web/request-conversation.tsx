import { Button, Fieldset, Heading, Label, Link, Paragraph, Radio, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useSession } from '../../../web/data/session';
import type { RequestDetail, Visibility } from '../leader-support.schemas';
import { ActionError, Section } from './desk-parts';
import { useSupportI18n } from './i18n';
import { attachmentHref, useAddMessage, useUploadAttachment } from './request-api';
import type { Announce } from './request-parts';

// The request's conversation (public replies and, for agents, internal notes) and its attachments.

export function Conversation({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime } = useSupportI18n();
  const ids = useId();
  const add = useAddMessage();
  const canInternal = detail.can.seeInternal && detail.can.handle;
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const messages = detail.messages.filter((message) => message.visibility === 'public' || detail.can.seeInternal);
  const canWrite = detail.status !== 'closed' && detail.status !== 'deleted';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      document.getElementById(`${ids}-body`)?.focus();
      return;
    }
    setMissing(false);
    const sent = canInternal ? visibility : 'public';
    try {
      await add.mutateAsync({ ref: String(detail.number), visibility: sent, body });
      setBody('');
      announce(t(sent === 'internal' ? 'desk.done.note' : 'desk.done.reply'));
    } catch {
      // Shown below the form (add.error).
    }
  };

  return (
    <Section id={`${ids}-conversation`} title={t('desk.conversation.heading')}>
      {messages.length === 0 ? (
        <Paragraph>{t('desk.conversation.none')}</Paragraph>
      ) : (
        <ol className="kp-desk-list">
          {messages.map((message) => (
            <li key={message.id}>
              <article
                className={`kp-desk-message${message.visibility === 'internal' ? ' kp-desk-message--internal' : ''}`}
                aria-label={t(message.visibility === 'internal' ? 'desk.message.internalLabel' : 'desk.message.label', {
                  name: message.author.name,
                  time: dateTime(message.createdAt),
                })}
              >
                <div className="kp-desk-message__meta">
                  {message.visibility === 'internal' && (
                    <Tag data-color="warning" data-size="sm">
                      {t('desk.message.internal')}
                    </Tag>
                  )}
                  <span>
                    <strong>{message.author.name}</strong>, {dateTime(message.createdAt)}
                  </span>
                </div>
                <p className="kp-desk-text">{message.body}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids}-reply-title`}>
          <Heading level={3} data-size="xs" id={`${ids}-reply-title`}>
            {t(canInternal ? 'desk.reply.titleAgent' : 'desk.reply.title')}
          </Heading>
          {canInternal && (
            <Fieldset>
              <Fieldset.Legend>{t('desk.reply.kind')}</Fieldset.Legend>
              <Radio
                name={`${ids}-visibility`}
                value="public"
                label={t('desk.reply.public')}
                checked={visibility === 'public'}
                onChange={() => setVisibility('public')}
              />
              <Radio
                name={`${ids}-visibility`}
                value="internal"
                label={t('desk.reply.internal')}
                checked={visibility === 'internal'}
                onChange={() => setVisibility('internal')}
              />
            </Fieldset>
          )}
          <Textfield
            id={`${ids}-body`}
            multiline
            rows={4}
            label={t('desk.reply.body')}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            error={missing ? t('desk.reply.required') : undefined}
          />
          <ActionError error={add.error} onReload={() => add.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={add.isPending}>
              {t(canInternal && visibility === 'internal' ? 'desk.reply.submitNote' : 'desk.reply.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- Attachments ----------------------------------------------------------------------------------

export function Attachments({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime, number, language } = useSupportI18n();
  const ids = useId();
  const { data: session } = useSession();
  const upload = useUploadAttachment();
  const canInternal = detail.can.seeInternal && detail.can.handle;
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const attachments = detail.attachments.filter((attachment) => attachment.visibility === 'public' || detail.can.seeInternal);
  const canUpload = detail.status !== 'closed' && detail.status !== 'deleted';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      fileInput.current?.focus();
      return;
    }
    setMissing(false);
    try {
      await upload.mutateAsync({
        ref: String(detail.number),
        file,
        visibility: canInternal ? visibility : 'public',
        csrfToken: session?.csrfToken ?? null,
        language,
      });
      announce(t('desk.done.upload', { name: file.name }));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch {
      // Shown below the form (upload.error): the server says what is wrong (too large, a type not allowed).
    }
  };

  return (
    <Section id={`${ids}-attachments`} title={t('desk.attachments.heading')}>
      {attachments.length === 0 ? (
        <Paragraph>{t('desk.attachments.none')}</Paragraph>
      ) : (
        <ul className="kp-desk-list">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <Link href={attachmentHref(attachment.id)} download={attachment.fileName}>
                {attachment.fileName}
              </Link>{' '}
              <span className="kp-muted">
                {t('desk.attachments.meta', {
                  size: number(Math.max(1, Math.ceil(attachment.size / 1024))),
                  type: attachment.mediaType,
                  time: dateTime(attachment.createdAt),
                })}
                {attachment.uploadedBy ? ` – ${attachment.uploadedBy}` : ''}
              </span>{' '}
              {attachment.visibility === 'internal' && (
                <Tag data-color="warning" data-size="sm">
                  {t('desk.attachments.internal')}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids}-upload-title`}>
          <Heading level={3} data-size="xs" id={`${ids}-upload-title`}>
            {t('desk.upload.title')}
          </Heading>
          <div>
            <Label htmlFor={`${ids}-file`}>{t('desk.upload.file')}</Label>
            <Paragraph data-size="sm" id={`${ids}-file-help`} className="kp-muted">
              {t('desk.upload.help')}
            </Paragraph>
            <input
              id={`${ids}-file`}
              ref={fileInput}
              type="file"
              aria-describedby={`${ids}-file-help${missing ? ` ${ids}-file-error` : ''}`}
              aria-invalid={missing ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                upload.reset();
              }}
            />
            {missing && (
              <ValidationMessage id={`${ids}-file-error`} data-color="danger">
                {t('desk.upload.required')}
              </ValidationMessage>
            )}
          </div>
          {canInternal && (
            <Fieldset>
              <Fieldset.Legend>{t('desk.upload.visibility')}</Fieldset.Legend>
              <Radio
                name={`${ids}-file-visibility`}
                value="public"
                label={t('desk.upload.public')}
                checked={visibility === 'public'}
                onChange={() => setVisibility('public')}
              />
              <Radio
                name={`${ids}-file-visibility`}
                value="internal"
                label={t('desk.upload.internal')}
                checked={visibility === 'internal'}
                onChange={() => setVisibility('internal')}
              />
            </Fieldset>
          )}
          <ActionError error={upload.error} onReload={() => upload.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={upload.isPending}>
              {t('desk.upload.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
