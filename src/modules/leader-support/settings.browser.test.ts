/// <reference lib="dom" />
// [ROLE][ACTION]: the desk administrator's settings page (rates, service levels, routing rules) in
// real Chromium against the real server, with axe; a first-line agent sees it read-only.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function signIn(page: Page, username: string, displayName: string) {
  // The first load on a busy machine (a cold server, a large bundle) can take longer than the default.
  page.setDefaultTimeout(60_000);
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

async function openSettings(page: Page) {
  await page.goto('/lederstotte/innstillinger');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Innstillinger for lederstøtte');
  await expect.poll(() => page.getByRole('table', { name: 'Tjenestenivåer per kategori og prioritet' }).isVisible()).toBe(true);
}

const row = (table: Locator, ...texts: string[]) => texts.reduce((rows, text) => rows.filter({ hasText: text }), table.getByRole('row'));

describe('[ADMINISTRATOR][DESK_SETTINGS]', () => {
  it('changes a rate, a service level and adds a routing rule', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'admin', 'Demo Administrator');
    await openSettings(page);
    await expectNoAxeViolations(page, 'settings page (administrator)');

    // A rate for the first line: saved, said, and still there after a reload.
    const rate = page.getByLabel('Timepris 1. linje (kr/time)');
    await rate.fill('abc');
    await page.getByRole('button', { name: 'Lagre timepriser og mål' }).click();
    await expect
      .poll(() => page.getByText('Skriv et beløp fra 0 til 100 000 kroner, eller la feltet stå tomt.').first().isVisible())
      .toBe(true);
    await expectNoAxeViolations(page, 'rates form with an error');
    await rate.fill('650');
    await page.getByRole('button', { name: 'Lagre timepriser og mål' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Lagret.' }).first().isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Timepris 1. linje (kr/time)').inputValue()).toBe('650');

    // The generic urgent service level: response time 45 minutes, shown as such in the table.
    const policies = page.getByRole('table', { name: 'Tjenestenivåer per kategori og prioritet' });
    await expect.poll(() => row(policies, 'Alle kategorier', 'Haster').getByRole('cell').nth(0).textContent()).toBe('Haster');
    await page.getByRole('button', { name: 'Endre tjenestenivået for Alle kategorier, Haster' }).click();
    const edit = page.getByRole('form', { name: 'Endre tjenestenivået for Alle kategorier, Haster' });
    // Focus moves to the form's heading, so keyboard users start there.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Endre tjenestenivået for Alle kategorier, Haster');
    await edit.getByLabel('Svartid, timer').fill('0');
    await edit.getByLabel('Svartid, minutter').fill('45');
    await edit.getByRole('button', { name: 'Lagre tjenestenivået' }).click();
    await expect.poll(() => row(policies, 'Alle kategorier', 'Haster').getByRole('cell').nth(1).textContent()).toBe('45 min');
    await expectNoAxeViolations(page, 'settings page after changing a service level');

    // A routing rule: invoices from Aronsløkka skole go to Regnskap.
    const rules = page.getByRole('table', { name: 'Rutingsregler: kategori og område til gruppe' });
    const add = page.getByRole('form', { name: 'Legg til en rutingsregel' });
    const unit = add.getByRole('radio', { name: /^Aronsløkka skole/ });
    const fillRule = async () => {
      await add.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Faktura' });
      await add.getByLabel('Søk etter område (enhet)').fill('Aronsløkka');
      await expect.poll(() => unit.isVisible()).toBe(true);
      await unit.check();
      await add.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Regnskap' });
      await add.getByRole('button', { name: 'Legg til regelen' }).click();
    };
    await page.getByText('Legg til en rutingsregel').click();
    await fillRule();
    await expect.poll(() => page.getByText('Regelen er lagt til.').isVisible()).toBe(true);
    await expect.poll(() => row(rules, 'Faktura', 'Aronsløkka skole', 'Regnskap').count()).toBe(1);
    await expectNoAxeViolations(page, 'settings page after adding a routing rule');

    // The same rule again is refused with the server's message.
    if (!(await add.isVisible())) await page.getByText('Legg til en rutingsregel').click();
    await fillRule();
    await expect.poll(() => page.getByText(/Det finnes allerede en regel for Faktura fra Aronsløkka skole/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'routing rule form refused as a duplicate');
  }, 180_000);
});

describe('[FIRST_LINE][DESK_SETTINGS]', () => {
  it('sees the settings read-only', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'forstelinje', 'Demo Førstelinje');
    await openSettings(page);
    await expect
      .poll(() => page.getByText('Du kan se innstillingene, men bare desk-administratoren kan endre dem.').isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: /^Lagre/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Endre tjenestenivået/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole('table', { name: 'Rutingsregler: kategori og område til gruppe' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'settings page (first-line agent, read-only)');

    // And the server refuses a write all the same.
    const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const settings = (await (await page.request.get('/api/leader-support/settings')).json()) as { revision: number };
    const response = await page.request.put('/api/leader-support/settings', {
      data: { revision: settings.revision, warnPercent: 50 },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(response.status()).toBe(403);
  }, 120_000);
});
