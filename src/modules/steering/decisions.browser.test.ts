/// <reference lib="dom" />
// [ANALYST][DECISIONS][BUDGET]: in real Chromium against the real server, with axe on every state:
// an analyst registers a political decision (first without a responsible unit: the error summary),
// adds a progress note that changes its status, then opens the budget page and seed 004's area 07.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function signIn(page: Page) {
  page.setDefaultTimeout(25_000);
  await signInAsDemo(page, 'analytiker');
  await expect.poll(() => page.getByText('Demo Analytiker').first().isVisible()).toBe(true);
}

describe('[ANALYST][DECISIONS]', () => {
  it('registers a decision, adds a progress note with a status change, and follows it in the list', { timeout: 120_000 }, async () => {
    const { page } = await b.newPage();
    await signIn(page);
    await page.goto('/styring/vedtak');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Politiske vedtak');
    await expect.poll(() => page.getByRole('table', { name: /Politiske vedtak/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: /Arbeidslivskriminalitet/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'decisions list');

    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    await page.getByLabel('Møtedato').fill('2024-02-14');
    await page.getByLabel(/^Saksnummer/).fill('21/24');
    await page.getByLabel('Tittel', { exact: true }).fill('Plan for digital inkludering');
    await page.getByLabel('Frist').fill('2024-03-01');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByText('Velg ansvarlig enhet.').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'decision form with errors');

    await chooseInCombobox(page.locator('form.kp-st-form'), 'Ansvarlig enhet', 'Oppfølging og analyse');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('21/24: Plan for digital inkludering');
    await expect.poll(() => page.getByText('Forfalt: fristen er passert').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'decision page');

    await page.getByLabel('Notat', { exact: true }).fill('Arbeidet er startet, utkast i mai.');
    await page.getByLabel('Ny status (valgfritt)').selectOption({ label: 'Pågår' });
    await page.getByRole('button', { name: 'Lagre notat' }).click();
    await expect.poll(() => page.getByText('Arbeidet er startet, utkast i mai.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Status: Ikke startet → Pågår').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'decision page after a note');

    await page.goto('/styring/vedtak?overdue=true');
    await expect.poll(() => page.getByRole('link', { name: 'Plan for digital inkludering' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: /Pågår\s*Forfalt/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: /Arbeidslivskriminalitet/ }).count()).toBe(0);
  });
});

describe('[ANALYST][BUDGET]', () => {
  it('opens the budget page for 2017 and seed 004’s programme area 07', { timeout: 120_000 }, async () => {
    const { page } = await b.newPage();
    await signIn(page);
    await page.goto('/styring/budsjett?year=2017');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Budsjett per programområde');
    await expect.poll(() => page.getByRole('img', { name: /^Avvik per programområde 2017/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /Programområder 2017/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Merforbruk på 1\s000\s000 kr \(oppgitt i kilden\)/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'budget page 2017');

    await page.getByRole('link', { name: /D2017-07/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^D2017-07 Ledelse, organisering og styring/);
    await expect.poll(() => page.getByText('Rådmannen foreslår å styrke programområdet med 9,4 millioner kroner.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /Tiltak 2017/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'sak 53/17, 25.4.17' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'budget area D2017-07');

    await page.getByRole('textbox', { name: 'Prognose for året (kr)' }).fill('41 000 000');
    await page.getByRole('button', { name: 'Lagre', exact: true }).first().click();
    await expect.poll(() => page.getByText('Prognosen er lagret.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'budget area after a forecast');
  });
});
