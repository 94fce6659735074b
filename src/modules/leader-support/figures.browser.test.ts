/// <reference lib="dom" />
// [ROLE][ACTION]: the figures page in real Chromium against the real server, with axe: an analyst
// sees the KPI cards, the charts with their tables and the CSV link; a school leader sees their unit.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { LeaderSupportDb } from './index.js';
import { generateSupportHistory } from './server/synthetic/support-history.js';

const b = useBrowser();

async function signIn(page: Page, username: string, displayName: string) {
  page.setDefaultTimeout(60_000);
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

describe('[ANALYST][FIGURES]', () => {
  beforeAll(async () => {
    await generateSupportHistory(b.knutepunkt.database.db as unknown as LeaderSupportDb, { months: 6, perMonth: 150, seed: 3 });
  });

  it('sees the first-line rate against the target, the charts with tables, and the CSV', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'analytiker', 'Demo Analytiker');
    await page.goto('/lederstotte/tall');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tall for lederstøtten');
    await expect.poll(() => page.getByRole('heading', { name: 'Løst i 1. linje' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Mål: 70').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/inneholder syntetiske data/).isVisible()).toBe(true);
    for (const name of [
      'Nye henvendelser per måned',
      'Nye henvendelser per kategori',
      'Løsningstid per linje (timer)',
      'Åpne henvendelser etter alder',
    ])
      await expect.poll(() => page.getByRole('img', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /De \d+ enhetene med flest henvendelser/ }).isVisible()).toBe(true);
    const csv = await page.getByRole('link', { name: 'Last ned som CSV' }).getAttribute('href');
    expect(csv).toContain('/api/leader-support/figures.csv');

    // The chart's table alternative opens.
    await page.getByText('Vis som tabell').first().click();
    await expect.poll(() => page.getByRole('table', { name: 'Nye henvendelser per måned' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'figures page (analyst)');

    // A narrower selection: this year, phone only.
    await page.getByLabel('I år').check();
    await page.getByLabel('Kanal').selectOption({ label: 'Telefon' });
    await page.getByRole('button', { name: 'Vis tall' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Last ned som CSV' }).getAttribute('href')).toContain('channel=phone');
  });
});

describe('[LEADER][FIGURES]', () => {
  it('sees the figures and costs of their own unit', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'leder', 'Demo Leder');
    await page.goto('/lederstotte/tall');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tall for Aronsløkka skole');
    await expect.poll(() => page.getByRole('heading', { name: 'Kostnad' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'figures page (leader)');
  });
});
