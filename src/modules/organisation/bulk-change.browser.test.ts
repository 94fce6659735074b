/// <reference lib="dom" />
// [ORGANISATION_EDITOR][BULK_CHANGE]: «Endre flere enheter» in real Chromium against the real server,
// with axe: choose three units (one with the keyboard), move them, and the scenario opens with three changes.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function openBulkChange(page: Page) {
  await signInAsDemo(page, 'organisasjon');
  await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
  // The organisation's own menu leads there.
  await page.goto('/organisasjon');
  await page.getByRole('link', { name: 'Endre flere enheter' }).first().click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Endre flere enheter');
  await expect.poll(() => page.getByRole('checkbox', { name: 'Velg Aronsløkka skole', exact: true }).isVisible()).toBe(true);
}

const chosenCount = (page: Page) => page.getByRole('status').filter({ hasText: /valgt/ }).textContent();

describe('[ORGANISATION_EDITOR][BULK_CHANGE]', () => {
  it('chooses three units, moves them under a new parent and opens the scenario with three changes', async () => {
    const { page } = await b.newPage();
    await openBulkChange(page);
    await expectNoAxeViolations(page, 'bulk change page');

    // Nothing chosen: the form says what is missing, linking each field.
    await page.getByRole('button', { name: 'Lag scenario' }).click();
    await expect.poll(() => page.getByText('Velg minst én enhet.').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'bulk change page with problems');

    // «Velg alle synlige» chooses what the filter shows (four kitchens and «Ernæring og kjøkkendrift»); «Fjern alle valg» empties it.
    await page.getByLabel('Filtrer på navn eller plassering').fill('Kjøkken');
    await expect.poll(() => page.getByRole('button', { name: /^Velg alle synlige/ }).textContent()).toBe('Velg alle synlige (5)');
    await page.getByRole('button', { name: /^Velg alle synlige/ }).click();
    await expect.poll(() => chosenCount(page)).toBe('5 enheter valgt');
    await page.getByRole('button', { name: 'Fjern alle valg' }).click();
    await expect.poll(() => chosenCount(page)).toBe('Ingen enheter valgt');

    await page.getByLabel('Filtrer på navn eller plassering').fill('skole');
    await page.getByRole('checkbox', { name: 'Velg Aronsløkka skole', exact: true }).check();
    await expect.poll(() => chosenCount(page)).toBe('1 enhet valgt');
    await page.getByRole('checkbox', { name: 'Velg Bragernes skole' }).check();
    // Space toggles a focused checkbox.
    await page.getByRole('checkbox', { name: 'Velg Brandengen skole' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => chosenCount(page)).toBe('3 enheter valgt');
    const chosen = page.getByRole('table', { name: /^Valgte enheter/ });
    await expect.poll(() => chosen.getByRole('row').count()).toBe(4);

    await chooseInCombobox(page, 'Ny overordnet enhet', 'Barnehage');
    await page.getByLabel('Navn på scenariet').fill('Tre skoler under barnehage');
    await expectNoAxeViolations(page, 'bulk change page, filled in');
    await page.getByRole('button', { name: 'Lag scenario' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tre skoler under barnehage');
    expect(page.url()).toMatch(/\/organisasjon\/scenarioer\/[0-9a-f-]{36}$/);
    const changes = page.getByRole('list', { name: 'Endringene i scenariet' }).getByRole('listitem');
    await expect.poll(() => changes.count()).toBe(3);
    await expect
      .poll(() => changes.allTextContents())
      .toEqual([
        expect.stringContaining('«Aronsløkka skole» flyttes under «Barnehage»'),
        expect.stringContaining('«Bragernes skole» flyttes under «Barnehage»'),
        expect.stringContaining('«Brandengen skole» flyttes under «Barnehage»'),
      ]);
  });

  it('renames units and shows the server’s refusal of a cycle on its row', async () => {
    const { page } = await b.newPage();
    await openBulkChange(page);
    await page.getByLabel('Filtrer på navn eller plassering').fill('Utdanning');
    await page.getByRole('checkbox', { name: 'Velg Utdanning', exact: true }).check();
    await chooseInCombobox(page, 'Ny overordnet enhet', 'Skole');
    await page.getByLabel('Navn på scenariet').fill('Ring');
    await page.getByRole('button', { name: 'Lag scenario' }).click();
    await expect
      .poll(() =>
        page.getByRole('link', { name: /Rad 1: «Utdanning» kan ikke flyttes under «Skole», som ligger under den selv\./ }).isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'bulk change refused by the server');

    await page.getByRole('radio', { name: 'Gi nye navn' }).check();
    await page.getByLabel('Nytt navn for Utdanning').fill('Oppvekst og utdanning');
    await page.getByRole('button', { name: 'Lag scenario' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ring');
    await expect
      .poll(() => page.getByRole('list', { name: 'Endringene i scenariet' }).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('«Utdanning» får navnet «Oppvekst og utdanning»')]);
  });
});
