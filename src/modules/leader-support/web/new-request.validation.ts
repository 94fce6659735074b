import { ApiError } from '../../../web/data/client';
import type { Category, CategoryField } from '../leader-support.schemas';
import type { SupportTranslate } from './i18n';

// «Ny henvendelse»: the form's checks, the same as the server's (required fields, lengths, numbers),
// and the server's refusals per field. Pure, so they are unit-tested.

export const subjectMax = 200;
const descriptionMax = 20_000;
const fieldMax = 2000;

/** A chosen unit, person or leader: its id is sent, its name shown. */
export type Picked = { id: string; label: string; hint?: string | null };

/** Client-side checks mirroring the server's: required fields, lengths, numbers. Keys as the server names them. */
export function validateRequest(
  input: {
    category: Pick<Category, 'fields'>;
    subject: string;
    description: string;
    values: Record<string, string>;
    picked: Record<string, Picked | null>;
    onBehalf: boolean;
    leader: Picked | null;
  },
  t: SupportTranslate,
  pickLabel: (field: CategoryField) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.onBehalf && !input.leader) errors.onBehalfOfUserId = t('requests.new.leaderRequired');
  if (!input.subject.trim()) errors.subject = t('requests.new.subjectRequired');
  else if (input.subject.trim().length > subjectMax) errors.subject = t('requests.new.subjectTooLong', { max: subjectMax });
  if (input.description.length > descriptionMax) errors.description = t('requests.new.descriptionTooLong', { max: descriptionMax });
  for (const field of input.category.fields) {
    const name = `fields.${field.key}`;
    const label = pickLabel(field);
    if (field.type === 'unit' || field.type === 'person') {
      if (field.required && !input.picked[field.key]) {
        errors[name] = t(field.type === 'unit' ? 'requests.new.unitRequired' : 'requests.new.personRequired', { field: label });
      }
      continue;
    }
    const value = (input.values[field.key] ?? '').trim();
    if (!value) {
      if (field.required) errors[name] = t('requests.new.fieldRequired', { field: label });
    } else if (field.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(value)) {
      errors[name] = t('requests.new.fieldNumber', { field: label });
    } else if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      errors[name] = t('requests.new.fieldDate', { field: label });
    } else if (value.length > fieldMax) {
      errors[name] = t('requests.new.fieldTooLong', { field: label, max: fieldMax });
    }
  }
  return errors;
}

/**
 * The server's message per field, from `details` (`[{ path: 'fields.employee' | 'subject' | …, problem }]`,
 * or one `{ path }` whose message is the main one), keyed as the form keys its fields.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return {};
  const keyOf = (path: unknown) => {
    if (typeof path !== 'string') return undefined;
    const parts = path.replace(/^\//, '').split(/[/.]/);
    return parts[0] === 'fields' && parts[1] ? `fields.${parts[1]}` : parts[0] || undefined;
  };
  const result: Record<string, string> = {};
  const items = Array.isArray(error.details) ? (error.details as unknown[]) : [error.details];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, problem } = item as { path?: unknown; problem?: unknown };
    const key = keyOf(path);
    if (key && !result[key]) result[key] = typeof problem === 'string' ? problem : error.message;
  }
  return result;
}
