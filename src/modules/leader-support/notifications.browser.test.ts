/// <reference lib="dom" />
// [ROLE][ACTION]: notifications (a leader reads and marks them, sets e-mail), the e-mail outbox and
// webhooks (the administrator adds, changes and deletes one) in real Chromium, with axe on each page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { LeaderSupportDb } from './server/leader-support.tables.js';

const b = useBrowser();
const db = () => b.knutepunkt.database.db as unknown as LeaderSupportDb;

async function signIn(page: Page, username: string, displayName: string) {
  page.setDefaultTimeout(60_000);
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('[LEADER][NOTIFICATIONS]', () => {
  it('reads notifications newest first, marks them read, and turns on e-mail', async () => {
    const leader = await db().selectFrom('users').select('id').where('username', '=', 'leder').executeTakeFirstOrThrow();
    await db()
      .insertInto('ls_notifications')
      .values([
        {
          user_id: leader.id,
          request_id: null,
          event_id: null,
          text_nb: 'Henvendelse LS-901 er registrert',
          text_en: 'Request LS-901 has been registered',
          created_at: new Date('2026-01-05T09:00:00Z'),
        },
        {
          user_id: leader.id,
          request_id: null,
          event_id: null,
          text_nb: 'Henvendelse LS-901 er løst',
          text_en: 'Request LS-901 has been resolved',
          created_at: new Date('2026-01-06T09:00:00Z'),
        },
      ])
      .execute();

    const { page } = await b.newPage();
    await signIn(page, 'leder', 'Demo Leder');
    await page.goto('/lederstotte/varsler');
    await expect.poll(() => h1(page)).toBe('Varsler');
    await expect.poll(() => page.getByText('2 uleste').isVisible()).toBe(true);
    const items = page.locator('.kp-notification');
    expect(await items.allTextContents()).toEqual([expect.stringContaining('er løst'), expect.stringContaining('er registrert')]);
    await expectNoAxeViolations(page, 'notifications page');

    await page.getByRole('button', { name: 'Merk som lest' }).first().click();
    await expect.poll(() => page.getByText('Varselet er merket som lest.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('1 uleste').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Merk alle som lest' }).click();
    await expect.poll(() => page.getByText('Ingen uleste').isVisible()).toBe(true);

    // E-mail on without an address is said at the field; with one it is saved.
    await page.getByLabel('E-postadresse').fill('');
    await page.getByLabel('Send meg varsler på e-post').check();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByText('Skriv inn e-postadressen, eller slå av e-postvarsler.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'notifications page, e-mail form with an error');
    await page.getByLabel('E-postadresse').fill('rektor@aronslokka.example.no');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByText('Lagret.').isVisible()).toBe(true);
    const saved = await db().selectFrom('ls_user_preferences').selectAll().where('user_id', '=', leader.id).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ email: 'rektor@aronslokka.example.no', email_notifications: true });
  });
});

describe('[ADMINISTRATOR][WEBHOOKS_AND_OUTBOX]', () => {
  it('adds a webhook (secret never shown again), changes and deletes it; the outbox says honestly that nothing is sent', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'admin', 'Demo Administrator');
    await page.goto('/lederstotte/webhooker');
    await expect.poll(() => h1(page)).toBe('Webhooker');
    await expect.poll(() => page.getByText('Ingen webhooker er lagt til.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'webhooks page');

    // A short secret and a bad address are said at the fields.
    await page.getByLabel('Adresse (URL)').fill('ftp://arkiv.example.no');
    await page.getByLabel('Delt hemmelighet').fill('kort');
    await page.getByRole('button', { name: 'Legg til' }).click();
    await expect.poll(() => page.getByText('Skriv en fullstendig adresse som begynner med http:// eller https://.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Hemmeligheten må ha minst 16 tegn og ingen mellomrom.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'webhook form with errors');

    await page.getByLabel('Adresse (URL)').fill('https://arkiv.example.no/knutepunkt');
    await page.getByLabel('Delt hemmelighet').fill('en-lang-delt-hemmelighet-2026');
    await page.getByLabel('Løst', { exact: true }).check();
    await page.getByRole('button', { name: 'Legg til' }).click();
    await expect.poll(() => page.getByText('Webhooken er lagt til.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'https://arkiv.example.no/knutepunkt', level: 3 }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain('en-lang-delt-hemmelighet-2026');
    const item = page.locator('.kp-webhook');
    await expect.poll(() => item.getByText('satt', { exact: true }).isVisible()).toBe(true);
    await item.getByText('Siste sendinger').click();
    await expect.poll(() => item.getByText('Ingen sendinger ennå.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'webhooks page with a webhook');

    // Turned off, then deleted.
    await item.getByRole('button', { name: 'Endre' }).click();
    await item.getByLabel('Aktiv').uncheck();
    await item.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect.poll(() => page.getByText('Endringene er lagret.').isVisible()).toBe(true);
    await expect.poll(() => item.getByText('Av', { exact: true }).isVisible()).toBe(true);
    await item.getByRole('button', { name: 'Slett' }).click();
    await item.getByRole('button', { name: 'Ja, slett webhooken og sendingene' }).click();
    await expect.poll(() => page.getByText('Ingen webhooker er lagt til.').isVisible()).toBe(true);

    await page.goto('/lederstotte/utboks');
    await expect.poll(() => h1(page)).toBe('E-postutboks');
    await expect.poll(() => page.getByText(/Ingen e-posttjener \(SMTP\) er satt opp/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'outbox page');
  });
});
