import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../data/client';
import { I18nProvider } from '../i18n/i18n';
import { ProblemSummary, type Problem } from './problem-summary';

const render = (props: { problems: Problem[]; error?: unknown; fieldIds?: Record<string, string> }) =>
  renderToStaticMarkup(h(I18nProvider, { initial: 'nb', children: h(ProblemSummary, { heading: 'Ble ikke lagret', ...props }) }));

describe('ProblemSummary', () => {
  it('links each problem found before sending to its field', () => {
    const html = render({
      problems: [{ id: 'goal-title', message: 'Skriv en tittel.' }],
      error: new ApiError(400, 'validation', 'Ugyldig'),
    });
    expect(html).toContain('Ble ikke lagret');
    expect(html).toContain('href="#goal-title"');
    expect(html).toContain('Skriv en tittel.');
    // The form's own problems come first: the server's older refusal is not repeated beside them.
    expect(html).not.toContain('Ugyldig');
  });

  it("shows the server's refusal when the form found nothing, linking the fields it names", () => {
    const error = new ApiError(400, 'validation', 'Ugyldig forespørsel', [{ path: '/title', problem: 'For lang.' }]);
    const html = render({ problems: [], error, fieldIds: { title: 'goal-title' } });
    expect(html).toContain('Ugyldig forespørsel');
    expect(html).toContain('href="#goal-title"');
  });

  it('says the edit is stale rather than showing a summary', () => {
    const html = render({ problems: [], error: new ApiError(409, 'stale', 'Utdatert') });
    expect(html).toContain('Noen andre har endret dette i mellomtiden');
  });

  it('renders nothing when all is well', () => {
    expect(render({ problems: [] })).toBe('');
  });
});
