import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword, todayInNorway } from '../../kernel/index.js';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

// Signing in through the municipality's identity provider, here the demo's own OpenID provider: the
// same path as production. A school principal lands with the leader's menu because of the position
// they hold, and loses the leader's role the day their assignment ends.
const harness = useBrowser();

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

async function signInThroughProvider(page: Page, username: string): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByRole('link', { name: 'Logg inn med Knutepunkt demo-ID' }).click();
  // The provider's own page, in bokmål.
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/oidc\//);
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await expectNoAxeViolations(page, 'the demo provider’s sign-in page');
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
}

describe('[IDENTITY][OIDC_BROWSER]', () => {
  it('signs the school principal in through the provider’s own pages, landing with the leader’s menu', async () => {
    const { page } = await harness.newPage();
    // A refusal from the callback is said in words on the sign-in page, and an unknown code as a general one.
    await page.goto('/logg-inn?feil=wrong_audience');
    await page.getByText('Innloggingen var utstedt til en annen tjeneste enn Knutepunkt og ble avvist.').waitFor();
    await expectNoAxeViolations(page, 'the sign-in page after a refused sign-in');
    await page.goto('/logg-inn?feil=something_new');
    await page.getByText('Innloggingen kunne ikke kontrolleres og ble avvist. Prøv igjen.').waitFor();
    await page.goto('/logg-inn');
    await expectNoAxeViolations(page, 'the sign-in page with «Logg inn med …»');
    await signInThroughProvider(page, 'leder');

    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Omfordeling' }).waitFor();
    await expect.poll(async () => (await (await page.request.get('/api/session')).json()).user?.roles).toEqual(['leader']);
    await expectNoAxeViolations(page, 'the home page of a principal signed in through the provider');

    // A wrong password on the provider's page is said there, in words, and signs nobody in.
    const other = await harness.newPage();
    await other.page.goto('/logg-inn');
    await other.page.getByRole('link', { name: 'Logg inn med Knutepunkt demo-ID' }).click();
    await other.page.getByLabel('Brukernavn').fill('leder');
    await other.page.getByLabel('Passord').fill('not-the-password');
    await other.page.getByRole('button', { name: 'Logg inn' }).click();
    await other.page.getByRole('alert').waitFor();
    await expectNoAxeViolations(other.page, 'the provider’s page after a wrong password');
    expect((await (await other.page.request.get('/api/session')).json()).user).toBeNull();
  });

  it('takes the leader’s role away from the day the principal’s assignment ends, as the user page shows', async () => {
    const db = harness.knutepunkt.database.db;
    const leader = await db.selectFrom('users').select('id').where('username', '=', 'leder').executeTakeFirstOrThrow();
    const { rows } = await (
      await import('kysely')
    ).sql<{ id: string; revision: number }>`
      select a.id, a.revision from org_assignments a join org_people p on p.id = a.person_id
      where p.key = 'demo-rektor' and a.valid_to is null`.execute(db);
    const assignment = rows[0]!;

    // An administrator ends the assignment: tomorrow is the first day without it.
    const { page } = await harness.newPage();
    await signInAsDemo(page, 'admin');
    await page.getByRole('link', { name: 'Brukere' }).first().waitFor();
    const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const today = todayInNorway();
    const tomorrow = nextDay(today);
    const ended = await page.request.post(`/api/organisation/assignments/${assignment.id}/end`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { revision: assignment.revision, validTo: tomorrow },
    });
    expect(ended.status()).toBe(200);

    await page.goto(`/brukere/${leader.id}`);
    const roles = page.getByRole('table', { name: /^Rollene i dag/ });
    await roles.waitFor();
    const leaderRow = roles.getByRole('row', { name: /Leder: rektor, Aronsløkka skole/ });
    await leaderRow.waitFor();
    await expectNoAxeViolations(page, 'the principal’s user page, today');

    await page.getByLabel('Vis roller og stillinger per dato').fill(tomorrow);
    await page.getByText(/^Brukeren har ingen roller per /).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('dato')).toBe(tomorrow);
    await expectNoAxeViolations(page, 'the principal’s user page, the day the assignment has ended');

    // Today the principal still leads the school and signs in with the leader's menu.
    const principal = await harness.newPage();
    await signInThroughProvider(principal.page, 'leder');
    await principal.page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Omfordeling' }).waitFor();
  });
});

describe('[IDENTITY][NARROW]', () => {
  it('fits the new pages in a 375 px wide phone without sideways scrolling', async () => {
    const { page } = await harness.newPage({ viewport: { width: 375, height: 800 } });
    const fits = async (label: string) =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `sideways overflow on ${label}`,
      ).toBeLessThanOrEqual(0);

    await page.goto('/logg-inn');
    await page.getByRole('link', { name: 'Logg inn med Knutepunkt demo-ID' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await fits('the demo provider’s sign-in page');

    await signInAsDemo(page, 'admin');
    await expect.poll(async () => (await (await page.request.get('/api/session')).json()).user?.username).toBe('admin');
    const admin = await harness.knutepunkt.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'leder')
      .executeTakeFirstOrThrow();
    for (const [path, heading] of [
      ['/brukere', 'Brukere'],
      [`/brukere/${admin.id}`, 'Demo Leder'],
      ['/brukere/grupper', null],
      ['/omfordeling', null],
      ['/organisasjon/hr-innlesing', 'HR-innlesing'],
      ['/portefolje/styret', 'Porteføljestyret'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) }).waitFor();
      await page.waitForLoadState('networkidle');
      await fits(path);
    }
  });
});
