// «Ny henvendelse»: the form refuses what the server would refuse, and names each field as the server does.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/data/client';
import type { CategoryField } from '../leader-support.schemas';
import type { SupportTranslate } from './i18n';
import { serverFieldErrors, validateRequest } from './new-request.validation';

const t: SupportTranslate = (key, vars) => (vars ? `${key} ${JSON.stringify(vars)}` : key);
const label = (nb: string) => ({ nb, en: nb });
const payroll: { fields: CategoryField[] } = {
  fields: [
    { key: 'employee', label: label('Ansatt det gjelder'), type: 'person', required: true },
    { key: 'topic', label: label('Gjelder'), type: 'select', required: true, options: [{ value: 'change', label: label('Lønnsendring') }] },
    { key: 'period', label: label('Lønnsperiode'), type: 'text', required: false },
    { key: 'hours', label: label('Timer'), type: 'number', required: false },
    { key: 'from', label: label('Fra'), type: 'date', required: false },
  ],
};
const empty: Parameters<typeof validateRequest>[0] = {
  category: payroll,
  subject: '',
  description: '',
  values: {},
  picked: {},
  onBehalf: false,
  leader: null,
};
const check = (input: Partial<typeof empty>) => validateRequest({ ...empty, ...input }, t, (field) => field.label.nb);

describe('validateRequest', () => {
  it('names every missing required field, keyed as the server keys them', () => {
    expect(check({})).toEqual({
      subject: 'requests.new.subjectRequired',
      'fields.employee': 'requests.new.personRequired {"field":"Ansatt det gjelder"}',
      'fields.topic': 'requests.new.fieldRequired {"field":"Gjelder"}',
    });
    // Blank is missing too.
    expect(check({ subject: '   ', values: { topic: ' ' } })).toHaveProperty('fields.topic');
    expect(check({ subject: '   ' })).toHaveProperty('subject', 'requests.new.subjectRequired');
  });

  it('accepts a complete form, with optional fields left out', () => {
    expect(
      check({ subject: 'Feil lønn i oktober', values: { topic: 'change' }, picked: { employee: { id: 'p1', label: 'Elisabeth Enger' } } }),
    ).toEqual({});
  });

  it('refuses a number that is not one, a bad date, and too long text', () => {
    const errors = check({
      subject: 'x'.repeat(201),
      description: 'y'.repeat(20_001),
      values: { topic: 'change', hours: 'ti', from: '1.10.2026', period: 'z'.repeat(2001) },
      picked: { employee: { id: 'p1', label: 'E' } },
    });
    expect(Object.keys(errors).sort()).toEqual(['description', 'fields.from', 'fields.hours', 'fields.period', 'subject']);
    expect(check({ subject: 'ok', values: { topic: 'change', hours: '7,5' }, picked: { employee: { id: 'p1', label: 'E' } } })).toEqual({});
  });

  it('asks a first-line agent registering for a leader to choose the leader', () => {
    const base = { subject: 'Haster', values: { topic: 'change' }, picked: { employee: { id: 'p1', label: 'E' } }, onBehalf: true };
    expect(check(base)).toEqual({ onBehalfOfUserId: 'requests.new.leaderRequired' });
    expect(check({ ...base, leader: { id: 'u1', label: 'Demo Leder' } })).toEqual({});
  });
});

describe('serverFieldErrors', () => {
  it('maps the server’s details to the form’s fields', () => {
    const error = new ApiError(400, 'invalid', 'Noe mangler.', [
      { in: 'body', path: 'fields.employee', problem: 'Velg den ansatte.' },
      { in: 'body', path: '/fields/topic', problem: 'Ukjent valg.' },
      { in: 'body', path: 'subject', problem: 'must NOT have fewer than 1 characters' },
    ]);
    expect(serverFieldErrors(error)).toEqual({
      'fields.employee': 'Velg den ansatte.',
      'fields.topic': 'Ukjent valg.',
      subject: 'must NOT have fewer than 1 characters',
    });
  });

  it('takes the main message for a refusal that names one field, and nothing from other errors', () => {
    expect(serverFieldErrors(new ApiError(404, 'not_found', 'Fant ikke lederen.', { path: 'onBehalfOfUserId' }))).toEqual({
      onBehalfOfUserId: 'Fant ikke lederen.',
    });
    expect(serverFieldErrors(new ApiError(400, 'invalid', 'Feil.', null))).toEqual({});
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });
});
