/// <reference lib="dom" />
// [ANALYST][REPORT]: a tertial report assembled, filled in, approved, published and printed in real
// Chromium against the real server, with axe on every state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { SteeringDb } from './server/steering.tables.js';

const b = useBrowser();

/** Two programme areas only (the others set inactive), one with a budget overspend and a red indicator. */
async function prepareData() {
  const db = b.knutepunkt.database.db as unknown as SteeringDb;
  await db.updateTable('st_programme_areas').set({ active: false }).execute();
  const area = await db
    .insertInto('st_programme_areas')
    .values({ code: 'T07', name: '[Syntetisk] Ledelse og styring', sort_order: 1, synthetic: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('st_programme_areas').values({ code: 'T08', name: '[Syntetisk] Kultur', sort_order: 2, synthetic: true }).execute();
  await db
    .insertInto('st_budgets')
    .values({ area_id: area.id, year: 2026, kind: 'budget', plan_year: 2026, amount: 100_000_000, synthetic: true })
    .execute();
  await db
    .insertInto('st_forecasts')
    .values({ area_id: area.id, year: 2026, as_of_month: 4, amount: 101_000_000, synthetic: true })
    .execute();
  const indicator = await db
    .insertInto('st_indicators')
    .values({
      key: 'browser-report-red',
      name: '[Syntetisk] Sykefravær',
      unit_of_measure: '%',
      direction: 'lower',
      frequency: 'tertial',
      data_source: 'manual',
      green_at: 6,
      red_at: 8,
      area_id: area.id,
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('st_indicator_values')
    .values({ indicator_id: indicator.id, period: '2026-T1', value: 9.5, origin: 'synthetic' })
    .execute();
}

const step = (text: string) => process.env.DEBUG_STEPS && process.stdout.write(`step: ${text}\n`);
const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

describe('[ANALYST][REPORT]', () => {
  it('creates a tertial report, fills in an area, approves, publishes and prints it', async () => {
    await prepareData();
    const { page } = await b.newPage();
    page.setDefaultTimeout(60_000);
    await signInAsDemo(page, 'analytiker');
    await expect.poll(() => page.getByText('Demo Analytiker').first().isVisible()).toBe(true);
    await page.goto('/styring/rapporter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Rapporter');
    await expect.poll(() => page.getByRole('heading', { name: 'Lag en rapport' }).isVisible()).toBe(true);
    step('reports list');
    await expectNoAxeViolations(page, 'reports list');

    // A period in the wrong form is refused with the server's message, linked from the summary.
    await page.getByLabel('Type rapport').selectOption('tertial');
    await page.getByLabel('Periode').fill('2026-T3');
    await page.getByRole('button', { name: 'Lag rapport' }).click();
    await expect.poll(() => page.getByRole('link', { name: /årsrapporten/ }).isVisible()).toBe(true);
    step('create form with an error');
    await expectNoAxeViolations(page, 'create form with an error');

    await page.getByLabel('Periode').fill('2026-T1');
    await page.getByRole('button', { name: 'Lag rapport' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tertialrapport 1. tertial 2026');
    const area = page.getByRole('region', { name: 'T07 [Syntetisk] Ledelse og styring' });
    await expect.poll(() => area.getByText('1 indikatorer: 0 grønne, 0 gule, 1 røde og 0 uten status.').isVisible()).toBe(true);
    await expect.poll(() => area.getByText(/et merforbruk på 1[\s ]000[\s ]000/).isVisible()).toBe(true);
    await expect
      .poll(() => area.getByRole('table', { name: 'Røde indikatorer' }).getByRole('cell', { name: '[Syntetisk] Sykefravær' }).isVisible())
      .toBe(true);
    step('new tertial report');
    await expectNoAxeViolations(page, 'new tertial report');

    // The analyst writes the area's assessment and conclusion.
    const form = page.getByRole('form', { name: 'Enhetenes vurdering: T07 [Syntetisk] Ledelse og styring' });
    await form.getByLabel('Vurdering').fill('Behov for å styrke økonomien.');
    await form.getByLabel('Konklusjon').fill('Programområdet styrkes med 9,4 millioner kroner.');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => area.getByText(/Sist endret .* av/).isVisible()).toBe(true);
    step('area filled in');
    await expectNoAxeViolations(page, 'area filled in');

    // Approve T07; publishing still waits for T08, and the page says so.
    await page.getByRole('button', { name: 'Godkjenn T07 [Syntetisk] Ledelse og styring' }).click();
    await expect.poll(() => area.getByText('Status for delen: Godkjent').isVisible()).toBe(true);
    const publishing = page.getByRole('region', { name: 'Publisering' });
    await expect.poll(() => publishing.getByRole('link', { name: 'T08 [Syntetisk] Kultur' }).isVisible()).toBe(true);
    await publishing.getByRole('button', { name: 'Publiser og lås rapporten' }).click();
    await expect.poll(() => publishing.getByRole('alert').textContent()).toMatch(/Ikke godkjent: T08/);
    step('publishing refused');
    await expectNoAxeViolations(page, 'publishing refused');

    await page.getByRole('button', { name: 'Godkjenn T08 [Syntetisk] Kultur' }).click();
    await expect.poll(() => publishing.getByText('Alle delene er godkjent.', { exact: true }).isVisible()).toBe(true);
    await publishing.getByRole('button', { name: 'Publiser og lås rapporten' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Publisert og låst/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByRole('form').count()).toBe(0);
    await expect.poll(() => area.getByText('Programområdet styrkes med 9,4 millioner kroner.').isVisible()).toBe(true);
    step('published report');
    await expectNoAxeViolations(page, 'published report');

    // «Skriv ut / lagre som PDF» opens the browser's print dialog.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // The print stylesheet: no header, menus or buttons; headings, tables and texts stay; a page per area.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => visible(page, 'header')).toBe(false);
    await expect.poll(() => page.getByRole('navigation', { name: 'Styring og oppfølging' }).isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('navigation', { name: 'Programområder' }).isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => area.getByRole('table', { name: 'Røde indikatorer' }).isVisible()).toBe(true);
    expect(await area.evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
    step('printed report');
    await expectNoAxeViolations(page, 'printed report');
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => visible(page, 'header')).toBe(true);
  }, 240_000);
});
