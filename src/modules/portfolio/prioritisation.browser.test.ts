/// <reference lib="dom" />
// [PORTFOLIO_BOARD]: prioritisation what-if and the resource pool in real Chromium against the real
// server, with axe on every page state. Initiatives, scores and a pool member are put straight into
// the database (the initiative forms are another part's).
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { PortfolioDb } from './server/portfolio.tables.js';

const b = useBrowser();
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

async function seed(): Promise<{ numbers: number[]; memberName: string }> {
  const db = b.knutepunkt.database.db as unknown as PortfolioDb;
  const unit = await db.selectFrom('org_units').select('id').orderBy('key').executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('username', '=', 'portefolje').executeTakeFirstOrThrow();
  const criteria = await db.selectFrom('pf_criteria').select(['id', 'higher_is_better']).execute();
  const numbers: number[] = [];
  for (const [title, value] of [
    ['Nettleserprøve Alfa', 5],
    ['Nettleserprøve Beta', 4],
    ['Nettleserprøve Gamma', 3],
  ] as const) {
    const row = await db
      .insertInto('pf_initiatives')
      .values({ title, owner_unit_id: unit.id, category: 'strategy', size: 'medium', estimated_cost: 100000, proposed_by: user.id })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    numbers.push(row.number);
    await db
      .insertInto('pf_scores')
      .values(criteria.map((c) => ({ initiative_id: row.id, criterion_id: c.id, score: c.higher_is_better ? value : 6 - value })))
      .execute();
  }
  await db.updateTable('pf_settings').set({ capacity_line: 300000 }).execute();
  const memberName = 'Nettleserprøve Designer';
  await db.insertInto('pf_pool_members').values({ name: memberName, role: 'service_designer', default_capacity: 1 }).execute();
  return { numbers, memberName };
}

let numbers: number[] = [];
let memberName = '';
beforeAll(async () => {
  ({ numbers, memberName } = await seed());
});

describe('[PORTFOLIO_BOARD] prioritisation and the resource pool', () => {
  it('moves the capacity line in what-if and sees initiatives fall out, marked unsaved', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'portefolje');
    await poll(() => new URL(page.url()).pathname).toBe('/');

    await page.goto('/portefolje/prioritering');
    await poll(() => page.locator(`tr[data-initiative="${numbers[2]}"]`).textContent()).toContain('Innenfor');
    await expectNoAxeViolations(page, 'prioritisation');

    await page.getByLabel('Kapasitetslinje (kr)').fill('150000');
    await poll(() => page.getByRole('heading', { name: /Faller ut \(2\)/ }).isVisible()).toBe(true);
    await poll(() => page.locator(`tr[data-initiative="${numbers[2]}"]`).textContent()).toContain('Utenfor');
    expect(await page.locator(`tr[data-initiative="${numbers[0]}"]`).textContent()).toContain('Innenfor');
    expect(await page.getByText('Ikke lagret').count()).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: `INI-${numbers[2]} Nettleserprøve Gamma` })
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(page, 'prioritisation, what-if');
    // Nothing saved: the API still has the old line.
    const saved = (await (await page.request.get('/api/portfolio/settings')).json()) as { capacityLine: number };
    expect(saved.capacityLine).toBe(300000);
  });

  it('allocates a pool member; an over-allocation is refused until overridden with a reason', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'portefolje');
    await poll(() => new URL(page.url()).pathname).toBe('/');
    await page.goto('/portefolje/kapasitet');
    await poll(() => page.getByRole('heading', { name: 'Tildel ressurs' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'capacity');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Tildel' }) });
    await form.getByLabel('Medlem').selectOption({ label: `${memberName} (Tjenestedesigner)` });
    await form.getByLabel('Initiativ (nummer)').fill(String(numbers[0]));
    await form.getByLabel('Andel (%)').fill('60');
    await form.getByRole('button', { name: 'Tildel' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Tildelt: 1 måneder' }).isVisible()).toBe(true);

    // A second initiative at 60 % the same month: refused, with the reason to override.
    await form.getByLabel('Initiativ (nummer)').fill(String(numbers[1]));
    await form.getByRole('button', { name: 'Tildel' }).click();
    await poll(() => page.getByText(/blir overbooket/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'capacity, over-allocation');
    await form.getByLabel('Overstyr kapasiteten').check();
    await form.getByLabel('Begrunnelse for overstyring').fill('Lovfrist');
    await form.getByRole('button', { name: 'Tildel' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '1 av dem overstyrt' }).isVisible()).toBe(true);
    await poll(() => page.getByText('Overbooket').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'capacity, after override');

    // Edit the member and set one month's capacity from the page.
    await page.getByLabel('Medlem som skal endres').selectOption({ label: `${memberName} (Tjenestedesigner)` });
    const edit = page.getByRole('form', { name: 'Endre medlem eller kapasitet' });
    await edit.getByLabel('Standardkapasitet').fill('80');
    await edit.getByRole('button', { name: 'Lagre endringer' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'er lagret' }).first().isVisible()).toBe(true);
    const month = page.getByRole('form', { name: 'Kapasitet for én måned' });
    await month.getByLabel('Kapasitet denne måneden (%)').fill('50');
    await month.getByRole('button', { name: 'Lagre månedskapasitet' }).click();
    await poll(() => month.getByRole('status').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'capacity, member edited');
  });
});
