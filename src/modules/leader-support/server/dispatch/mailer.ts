import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../../../kernel/index.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where the dispatcher sends the outbox's e-mails. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** False: nothing can be sent (no SMTP server configured); e-mails stay unsent in the outbox. */
  readonly configured?: boolean;
}

/** The embedded demo and any installation without SMTP_URL: e-mails are written to the outbox only. */
export const outboxOnlyMailer: Mailer = {
  configured: false,
  async send() {
    throw new Error('No SMTP server is configured (SMTP_URL).');
  },
};

/** Sends through the configured SMTP server (SMTP_URL, SMTP_FROM). */
export function smtpMailer(smtp: SmtpConfig): Mailer & { close(): void } {
  const url = new URL(smtp.url);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** The mailer for a configuration: SMTP when configured, otherwise the outbox only. */
export function mailerFor(smtp: SmtpConfig | undefined): Mailer & { close?: () => void } {
  return smtp ? smtpMailer(smtp) : outboxOnlyMailer;
}
