/// <reference lib="dom" />
// [ANALYST][LEADER][INDICATORS]: the steering front page, the area dashboard, an indicator with its
// trend and the contradiction message, the goals page; a school leader whose unit owns a red
// indicator comments on it with a measure. axe on every page.
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { SteeringDb } from './server/steering.tables.js';

// A shared machine can be slow; the steps themselves wait with expect.poll.
vi.setConfig({ testTimeout: 180_000 });
const b = useBrowser();
const db = () => b.knutepunkt.database.db as unknown as SteeringDb;
const name = 'Nettlesertest: andel elever som trives';

async function signIn(page: Page, username: string, displayName: string) {
  page.setDefaultTimeout(60_000);
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

/** A write through the API as the signed-in user of the page (with the session's CSRF token). */
async function api(page: Page, method: string, url: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ([method, url, body]) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(url as string, {
        method: method as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    [method, url, body] as const,
  );
}

let school = '';
let firstLine = '';

beforeAll(async () => {
  // The programme area comes from the areas part's dataset; the test makes sure it is there.
  await sql`insert into st_programme_areas (code, name, sort_order) values ('P14', 'Ledelse, styring og administrasjon', 14)
    on conflict (code) do nothing`.execute(db());
  school = (await db().selectFrom('org_units').select('id').where('key', '=', 'skole-aronslokka').executeTakeFirstOrThrow()).id;
  firstLine = (await db().selectFrom('org_units').select('id').where('key', '=', 'forstelinje-til-ledere').executeTakeFirstOrThrow()).id;
});

describe('[ANALYST][INDICATORS]', () => {
  it('opens the front page, the area dashboard and an indicator; contradicting thresholds are refused', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'analytiker', 'Demo Analytiker');
    // The analyst defines the indicator with the school and the first line as owners, and two values.
    const created = await api(page, 'POST', '/api/steering/indicators', {
      key: 'nettlesertest',
      name,
      unitOfMeasure: '%',
      direction: 'higher',
      frequency: 'year',
      dataSource: 'manual',
      greenAt: 80,
      redAt: 60,
      areaCode: 'P14',
      ownerUnitIds: [school, firstLine],
    });
    expect(created).toBe(201);
    expect(
      await api(page, 'PUT', '/api/steering/indicators/nettlesertest/values', {
        values: [
          { period: '2023', value: 62 },
          { period: '2024', value: 55 },
        ],
      }),
    ).toBe(200);

    await page.goto('/styring');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Styring og oppfølging');
    await expect.poll(() => page.getByRole('link', { name: /P14 Ledelse, styring og administrasjon/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'steering front page');

    await page.getByRole('link', { name: /P14 Ledelse, styring og administrasjon/ }).click();
    await expect.poll(() => page.getByRole('table', { name: /Indikatorer for P14/ }).isVisible()).toBe(true);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row.getByText('Rød').isVisible()).toBe(true);
    await expect.poll(() => row.getByRole('img', { name: /Utvikling: 2023: 62, 2024: 55/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'indicator dashboard');

    // The period is in the URL: up to 2023 the value was 62, yellow.
    await page.getByLabel('Til og med periode').fill('2023');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/periode=("|%22)?2023/);
    await expect.poll(() => page.getByRole('table', { name: /Indikatorer for P14.*til og med 2023/ }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: new RegExp(name) })
          .getByText('Gul')
          .isVisible(),
      )
      .toBe(true);

    await page.getByRole('link', { name }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    await expect.poll(() => page.getByRole('img', { name: 'Utvikling for hele kommunen' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /Verdier, mål og status per periode/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'indicator page (analyst)');

    await page.getByLabel('Grønn-grense').fill('50');
    await page.getByLabel('Rød-grense').fill('60');
    await page.getByRole('button', { name: 'Lagre grenser' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'motsier hverandre' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'indicator page with the contradiction message');

    await page.goto('/styring/mal');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mål');
    await expect.poll(() => page.getByRole('heading', { name: 'Nytt mål' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'goals page');
  });
});

describe('[LEADER][INDICATORS]', () => {
  it('comments on a red indicator the own school owns, with a measure', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'leder', 'Demo Leder');
    await page.goto('/styring/indikatorer/nettlesertest');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    await expect.poll(() => page.getByRole('heading', { name: 'Legg til kommentar og tiltak' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Lagre grenser' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'indicator page (leader)');
    await page.getByLabel('Kommentar', { exact: true }).fill('Trivselen falt etter ombyggingen.');
    await page.getByLabel('Tiltak', { exact: true }).fill('Flere voksne ute i friminuttene fra høsten.');
    await page.getByRole('button', { name: 'Lagre kommentar' }).click();
    await expect.poll(() => page.getByText('Kommentaren er lagret.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Flere voksne ute i friminuttene fra høsten.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.kp-st-comment-list').getByText('Aronsløkka skole', { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'indicator page after the comment');
  });
});
