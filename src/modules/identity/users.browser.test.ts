/// <reference lib="dom" />
// [ADMINISTRATOR][USERS]: user administration in real Chromium against the real server. An
// administrator finds a user, grants a role with a reason and an end date, sees where the role comes
// from, and disables the user after a confirmation; axe on every page of the module.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import { todayInNorway, type KernelTables } from '../../kernel/index.js';
import type { Kysely } from 'kysely';

const b = useBrowser();
const timeout = 180_000;

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe('[ADMINISTRATOR][USERS] an administrator grants a role with a reason and disables the user', () => {
  it('finds the user, grants a role with reason and end date, sees its origin, disables them', { timeout }, async () => {
    const db = b.knutepunkt.database.db as unknown as Kysely<KernelTables>;
    await db
      .insertInto('users')
      .values({ username: 'vera.vikar', display_name: 'Vera Vikar', password_hash: null, roles: ['employee'], disabled_at: null })
      .execute();

    const { page } = await b.newPage();
    await signInAsDemo(page, 'admin');
    await expect.poll(() => page.getByText('Demo Administrator').first().isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Brukere', exact: true }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Brukere');
    await expectNoAxeViolations(page, 'the user list');

    await page.getByLabel('Søk', { exact: true }).fill('vikar');
    await page.getByLabel('Søk', { exact: true }).press('Enter');
    await page.getByRole('link', { name: 'Vera Vikar' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vera Vikar');
    await expectNoAxeViolations(page, 'the user page');

    const validTo = addDays(todayInNorway(), 30);
    const form = page.getByRole('form', { name: 'Gi en rolle' });
    await form.getByLabel('Rolle', { exact: true }).selectOption('organisation_editor');
    await form.getByLabel('Begrunnelse').fill('Vikar for Kari i mars');
    await form.getByLabel('Første dag uten rollen (valgfri)').fill(validTo);
    await form.getByRole('button', { name: 'Gi rollen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Rollen er gitt.' }).isVisible()).toBe(true);

    const roles = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Opphav' }) });
    const row = roles.getByRole('row').filter({ hasText: 'Manuell: Vikar for Kari i mars' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Organisasjonsredaktør');
    await expectNoAxeViolations(page, 'the user page after a grant');

    await page.getByLabel('Hvorfor deaktiveres brukeren?').fill('Sluttet 31. mars');
    await page.getByRole('button', { name: 'Deaktiver brukeren' }).click();
    const confirm = page.getByRole('button', { name: 'Bekreft: deaktiver og logg ut overalt' });
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'the disable confirmation');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Aktiver brukeren igjen' }).isVisible()).toBe(true);
    expect(await page.getByText('Sluttet 31. mars').first().isVisible()).toBe(true);
    const stored = await db
      .selectFrom('users')
      .select(['disabled_at', 'disabled_reason'])
      .where('username', '=', 'vera.vikar')
      .executeTakeFirstOrThrow();
    expect(stored.disabled_reason).toBe('Sluttet 31. mars');

    await page.getByRole('link', { name: 'Grupper og roller' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Grupper og roller');
    await expectNoAxeViolations(page, 'the group mappings');

    await page.getByRole('link', { name: 'Omfordeling' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Omfordeling');
    await expectNoAxeViolations(page, 'the reassignment list');
  });
});
