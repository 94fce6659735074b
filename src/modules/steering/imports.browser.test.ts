/// <reference lib="dom" />
// An analyst imports a small JSON-stat file (SSB's format) on the import page, sees the progress
// bar reach done and the result, and opens the comparison view; axe on every state.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { ImportsDb } from './server/imports/imports.queries.js';

const b = useBrowser();
const sample = path.join(import.meta.dirname, 'server/imports/samples/ssb-kostra-v1.json');
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

beforeAll(async () => {
  const db = b.knutepunkt.database.db as unknown as ImportsDb;
  await db
    .insertInto('st_indicators')
    .values({
      key: 'test-andel-adm',
      name: '[Syntetisk] Andel til administrasjon',
      unit_of_measure: 'prosent',
      direction: 'lower',
      frequency: 'year',
      data_source: 'kostra',
      ssb_table: '12362',
      ssb_contents_code: 'KOSandeladm0000',
      synthetic: true,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
});

async function signIn(page: Page) {
  await signInAsDemo(page, 'analytiker');
  await poll(() => new URL(page.url()).pathname).toBe('/');
  await page.waitForLoadState();
}

it('an analyst imports a JSON-stat file with a progress bar and compares with other municipalities', async () => {
  const { page } = await b.newPage();
  await signIn(page);
  await page.goto('/styring/import');
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Importer indikatorverdier');
  await expectNoAxeViolations(page, 'import page');

  // Submitting without choices shows the error summary.
  await page.getByRole('button', { name: 'Importer' }).click();
  await poll(() => page.getByText('Velg indikatoren verdiene hører til.').first().isVisible()).toBe(true);
  await expectNoAxeViolations(page, 'import page with errors');

  await page.getByLabel('Indikator', { exact: true }).selectOption('test-andel-adm');
  await page.getByLabel('Fil', { exact: true }).setInputFiles(sample);
  await page.getByRole('button', { name: 'Importer' }).click();

  await poll(() => page.getByRole('status').filter({ hasText: 'Ferdig: 11 verdier lagret.' }).count()).toBe(1);
  await expect.poll(() => page.locator('progress').evaluate((el: HTMLProgressElement) => el.value)).toBe(100);
  await expect.poll(() => page.getByRole('heading', { name: 'Resultat' }).isVisible()).toBe(true);
  const summary = await page.locator('.kp-st-summary').textContent();
  expect(summary).toContain('2021, 2022, 2023');
  expect(summary).toContain('Oslo (0301)');
  expect(summary).toContain('Kostragruppe 13 (EKG13)');
  await poll(() => page.getByRole('table', { name: 'De siste importene av indikatorverdier' }).getByText('Ferdig').count()).toBe(1);
  await expectNoAxeViolations(page, 'import done');

  // A file for another municipality is refused with a message; nothing is saved.
  const wrong = {
    name: 'oslo.json',
    mimeType: 'application/json',
    buffer: Buffer.from((await import('node:fs')).readFileSync(sample, 'utf8').replaceAll('"3005"', '"1103"')),
  };
  await page.getByLabel('Fil', { exact: true }).setInputFiles(wrong);
  await page.getByRole('button', { name: 'Importer' }).click();
  await poll(() => page.getByRole('status').filter({ hasText: 'Importen ble avvist. Ingenting er lagret.' }).count()).toBe(1);
  await poll(() =>
    page
      .getByText(/Filen gjelder ikke Drammen/)
      .first()
      .isVisible(),
  ).toBe(true);
  await expectNoAxeViolations(page, 'import refused');

  // The comparison view, reached from the result link's target with chosen regions.
  await page.goto('/styring/sammenligning?indicator=test-andel-adm');
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sammenligning med andre kommuner');
  await page.getByLabel('Oslo (0301)').check();
  await page.getByLabel('Kostragruppe 13 (EKG13)').check();
  await page.getByRole('button', { name: 'Vis' }).click();
  await poll(() => new URL(page.url()).searchParams.get('regions')).toBe('0301,EKG13');
  const table = page.getByRole('table', { name: /per region og periode/ });
  await poll(() => table.getByRole('row').count()).toBe(4);
  expect(await table.getByRole('row').nth(1).textContent()).toMatch(/2021.*7,1.*5,2.*6,4/);
  expect(await page.locator('figure.kp-st-chart svg polyline').count()).toBe(3);
  await expect.poll(() => page.getByRole('img', { name: /utvikling over tid/ }).isVisible()).toBe(true);
  await expectNoAxeViolations(page, 'comparison');
  const csv = await page.request.get('/api/steering/comparison?indicator=test-andel-adm&regions=0301&format=csv');
  expect(await csv.text()).toContain('Periode;Drammen;Oslo (0301)');
}, 90_000);
