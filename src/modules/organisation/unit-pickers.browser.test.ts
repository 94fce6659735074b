/// <reference lib="dom" />
// [ORGANISATION_EDITOR][PICK_UNIT]: the unit pickers show each unit's path, so two units of the same
// name («Forvaltning og fag» under Skole and under Barnehage) can be told apart, and the path can be
// typed; in real Chromium against the real server, with axe on the open list.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function signInAsEditor(page: Page) {
  await signInAsDemo(page, 'organisasjon');
  await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
}

/** A unit's id by its name, through the search the pages use. */
async function unitId(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/organisation/search?q=${encodeURIComponent(name)}`);
  const unit = ((await response.json()) as { units: { id: string; name: string }[] }).units.find((u) => u.name === name);
  if (!unit) throw new Error(`No unit named ${name}`);
  return unit.id;
}

/** The options the combobox lists for what is typed, by their accessible names (name, then path). */
async function typeAndList(page: Page, label: string, typed: string): Promise<string[]> {
  const input = page.getByLabel(label, { exact: true }).and(page.locator('input'));
  await input.click();
  await input.fill('');
  await input.pressSequentially(typed);
  const options = page.getByRole('listbox', { name: label }).getByRole('option');
  await expect.poll(() => options.count()).toBeGreaterThan(0);
  return (await options.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Axe once the list has faded in: mid-transition it would measure blended colours. */
async function listFadedIn(page: Page) {
  await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(true);
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

describe('[ORGANISATION_EDITOR][PICK_UNIT]', () => {
  it('tells two units of the same name apart by their path when moving a unit, and finds one by its path', async () => {
    const { page } = await b.newPage();
    await signInAsEditor(page);
    await page.goto(`/organisasjon/enheter/${await unitId(page, 'Legevakt')}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Legevakt');
    await page.getByText('Flytt enheten').click();

    const same = await typeAndList(page, 'Ny overordnet enhet', 'Forvaltning og fag');
    expect(same).toEqual(expect.arrayContaining(['Forvaltning og fag Utdanning › Barnehage', 'Forvaltning og fag Utdanning › Skole']));
    await listFadedIn(page);
    await expectNoAxeViolations(page, 'move form with the parent list open');

    // Words of the path narrow it down to one.
    const one = await typeAndList(page, 'Ny overordnet enhet', 'forvaltning barnehage');
    expect(one).toEqual(['Forvaltning og fag Utdanning › Barnehage']);
    await page.getByRole('option', { name: /^Forvaltning og fag Utdanning › Barnehage/ }).click();
    await expect
      .poll(() => page.getByLabel('Ny overordnet enhet', { exact: true }).and(page.locator('input')).inputValue())
      .toBe('Forvaltning og fag');
  });

  it('shows the path in the scenario form’s unit picker', async () => {
    const { page } = await b.newPage();
    await signInAsEditor(page);
    await page.goto('/organisasjon/scenarioer');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Scenarioer');
    await page.getByLabel('Navn', { exact: true }).fill('Stien i velgeren');
    await page.getByRole('button', { name: 'Lag scenariet' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Stien i velgeren');
    await page.getByLabel('Hva skal endres?').selectOption('move_unit');

    const listed = await typeAndList(page, 'Enheten som flyttes', 'Forvaltning og fag');
    expect(listed).toEqual(expect.arrayContaining(['Forvaltning og fag Utdanning › Barnehage', 'Forvaltning og fag Utdanning › Skole']));
    await listFadedIn(page);
    await expectNoAxeViolations(page, 'scenario form with the unit list open');
  });
});
