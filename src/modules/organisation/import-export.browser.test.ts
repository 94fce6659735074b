/// <reference lib="dom" />
// [ROLE][ACTION]: the import and export page in real Chromium against the real server, with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function openPage(page: Page, username: string, displayName: string) {
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
  await page.goto('/organisasjon/import-eksport');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import og eksport');
}

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
}

describe('[ORGANISATION_EDITOR][IMPORT_EXPORT_PAGE]', () => {
  it('exports with a link, shows a dry run with problems by row and column, and imports a file', async () => {
    const { page } = await b.newPage();
    await openPage(page, 'organisasjon', 'Demo Organisasjonsredaktør');
    await expectNoAxeViolations(page, 'import and export');

    const download = page.getByRole('link', { name: 'Last ned' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/organisation\/export\?format=json&date=\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Filtype').first().selectOption('csv');
    await page.getByLabel('Innhold i CSV-filen').selectOption('positions');
    expect(await download.getAttribute('href')).toMatch(/format=csv&date=.*&entity=positions$/);

    // A file with a problem: the plan names the row and the column, and offers no import.
    await chooseFile(page, 'stillinger.csv', 'key;title;unitKey;roleType\nny-stilling;Rådgiver;finnes-ikke;adviser\n');
    await page.getByLabel('Hva inneholder CSV-filen?').selectOption('positions');
    await page.getByRole('button', { name: 'Last opp og prøv importen' }).click();
    const heading = page.getByRole('heading', { name: 'Prøveimport av «stillinger.csv»' });
    await expect.poll(() => heading.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Prøveimport av «stillinger.csv»');
    const problems = page.getByRole('table', { name: 'Problemer' });
    await expect.poll(() => problems.getByRole('row').nth(1).textContent()).toMatch(/stillinger\.csv2unitKeyFant ikke «finnes-ikke»/);
    expect(await page.getByRole('button', { name: 'Importer' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'a dry run with problems');

    // A good file: the plan lists the change; importing it says what was done.
    await chooseFile(
      page,
      'enheter.csv',
      'key;name;kind;level;parentKey;classification\nnettleser-enhet;Enhet fra nettleseren;unit;3;dir-omsorg;service\n',
    );
    await page.getByLabel('Hva inneholder CSV-filen?').selectOption('units');
    await page.getByRole('button', { name: 'Last opp og prøv importen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Prøveimport av «enheter.csv»' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Endringer' }).textContent()).toMatch(/nettleser-enhet/);
    await page.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => page.getByText('Importen er gjennomført: 1 opprettet, 0 endret, 0 avsluttet.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'an applied import');
  });
});

describe('[EMPLOYEE][IMPORT_EXPORT_PAGE]', () => {
  it('may export but is told that importing needs edit access', async () => {
    const { page } = await b.newPage();
    await openPage(page, 'ansatt', 'Demo Medarbeider');
    expect(await page.getByRole('link', { name: 'Last ned' }).isVisible()).toBe(true);
    expect(await page.getByText('Du trenger redigeringstilgang til organisasjonen for å importere.').isVisible()).toBe(true);
    expect(await page.getByLabel('Fil', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'import and export for an employee');
  });
});
