// [ORGANISATION_EDITOR][HR_FEED]: a file from the HR system that cannot be applied is refused; the
// editors see it on every organisation page and read on «HR-innlesing» what was wrong, row by row.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const token = 'browser-hr-feed-token-0123456789abcdef';
const b = useBrowser({ env: { HR_FEED_TOKEN: token } });

describe('[ORGANISATION_EDITOR][HR_FEED]', () => {
  it('shows a refused HR file on the organisation pages and its problems by row on the status page', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);

    await page.goto('/organisasjon/hr-innlesing');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('HR-innlesing');
    await page.getByText('Ingen kjøringer ennå.').waitFor();
    await expectNoAxeViolations(page, 'HR-innlesing before any run');

    // The HR system pushes a file with an unknown unit: refused, nothing applied.
    const file = [
      'Ansattnummer;Navn;Stillingsnummer;Organisasjonsenhet;Stillingsprosent;Fra dato;Til dato',
      'H9001;Ansatt Ukjent;leder-skole-aronslokka;enhet-som-ikke-finnes;100;01.01.2024;',
    ].join('\r\n');
    const pushed = await page.request.post('/api/organisation/hr-feed/runs', {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      data: file,
    });
    expect(pushed.status()).toBe(409);

    await page.goto('/organisasjon');
    await page.getByText('HR-innlesingen feilet').waitFor();
    await expectNoAxeViolations(page, 'the organisation page with the failed HR feed alert');

    await page.goto('/organisasjon/hr-innlesing');
    const problems = page.getByRole('table').filter({ hasText: 'Organisasjonsenhet' }).first();
    await problems.waitFor();
    await expect.poll(() => problems.textContent()).toContain('enhet-som-ikke-finnes');
    await expect.poll(() => page.getByText('Avvist').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'HR-innlesing after a refused run');
  });
});
