/// <reference lib="dom" />
// [BOARD][DECIDE]: the portfolio board in real Chromium against the real server. A board member
// opens an initiative, approves it at BP1 and at BP2 with a rationale and the whole checklist, and
// sees the phase change and the decision history; then plans a meeting, puts the initiative on the
// agenda and opens the printable board pack. Axe on every state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { PortfolioDb } from './server/portfolio.tables.js';

const b = useBrowser();
const timeout = 180_000;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** An initiative put straight into the table, proposed by the demo digital agent. */
async function insertInitiative(title: string): Promise<{ id: string; number: number }> {
  const db = b.knutepunkt.database.db as unknown as PortfolioDb;
  const agent = await db.selectFrom('users').select('id').where('username', '=', 'digitalagent').executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('org_units')
    .select('id')
    .where('key', '=', 'omsorg-hjemmetjenester-bragernes')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('pf_initiatives')
    .values({
      title,
      problem: '[Syntetisk] Søknader kommer på papir og tastes inn for hånd.',
      owner_unit_id: unit.id,
      digital_agent_id: agent.id,
      category: 'efficiency',
      size: 'small',
      proposed_by: agent.id,
      synthetic: true,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

async function decide(page: Page, rationale: string) {
  const form = page.getByRole('form', { name: 'Registrer beslutning' });
  await form.getByLabel('Godkjenn (videre til neste fase)').check();
  for (const box of await form.getByRole('checkbox').all()) await box.check();
  await form.getByLabel('Begrunnelse', { exact: true }).fill(rationale);
  await form.getByRole('button', { name: 'Registrer beslutning' }).click();
}

describe('[BOARD][DECIDE] the board approves an initiative at BP1 and BP2 and prepares a meeting', () => {
  it('approves at BP1 and BP2 on the initiative page, then builds the agenda and opens the board pack', { timeout }, async () => {
    const { number } = await insertInitiative('[Syntetisk] Digital søknad om omsorgsbolig');
    const { page } = await b.newPage();
    await signInAsDemo(page, 'portefolje');
    await expect.poll(() => page.getByText('Demo Porteføljestyre').first().isVisible()).toBe(true);

    await page.goto(`/portefolje/initiativ/${number}`);
    const position = page.getByTestId('board-position');
    await expect.poll(() => position.textContent(), { timeout: 20_000 }).toContain('Fase: Idé');
    expect(await position.textContent()).toContain('BP1');
    // The next decision point is pre-selected.
    expect(await page.getByLabel('Beslutningspunkt').inputValue()).toBe('BP1');
    await expectNoAxeViolations(page, 'the initiative with the decision form (idea)');

    // Approving without the checklist is refused with the open items named.
    const form = page.getByRole('form', { name: 'Registrer beslutning' });
    await form.getByLabel('Godkjenn (videre til neste fase)').check();
    await form.getByLabel('Begrunnelse', { exact: true }).fill('Mangler sjekkliste.');
    await form.getByRole('button', { name: 'Registrer beslutning' }).click();
    await expect
      .poll(() => page.getByText('Godkjenning krever at hele sjekklisten er oppfylt', { exact: false }).first().isVisible())
      .toBe(true);
    await expectNoAxeViolations(page, 'the decision form with an open checklist');

    await decide(page, 'Klar nytte for brukerne; BP1 godkjent.');
    await expect.poll(() => position.textContent()).toContain('Fase: Konsept');
    expect(await page.getByLabel('Beslutningspunkt').inputValue()).toBe('BP2');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Beslutningen er registrert' }).first().isVisible()).toBe(true);

    await decide(page, 'Konseptet er valgt; BP2 godkjent.');
    await expect.poll(() => position.textContent()).toContain('Fase: Planlegge');
    const history = page.getByRole('table', { name: 'Beslutninger, eldste først' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('Klar nytte for brukerne; BP1 godkjent.');
    expect(text).toContain('Konseptet er valgt; BP2 godkjent.');
    expect(text).toContain('Demo Porteføljestyre');
    expect(text).toContain('Strategisk forankring');
    await expectNoAxeViolations(page, 'the initiative after BP2 with the decision history');

    // A meeting with the initiative on the agenda, and the printable board pack.
    await page.goto('/portefolje/styret');
    await expect.poll(() => h1(page)).toBe('Porteføljestyret');
    await expect.poll(() => page.getByRole('heading', { name: 'Sjekklister ved beslutningspunktene' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the board page');
    const newMeeting = page.getByRole('form', { name: 'Nytt styremøte' });
    await newMeeting.getByLabel('Tittel').fill('Styremøte for omsorgsbolig');
    await newMeeting.getByRole('button', { name: 'Opprett møte' }).click();
    await page.getByRole('link', { name: /Styremøte for omsorgsbolig/ }).click();
    await expect.poll(() => h1(page)).toBe('Styremøte for omsorgsbolig');

    const add = page.getByRole('form', { name: 'Sett et initiativ på sakslisten' });
    await add.getByLabel('Initiativnummer').fill(String(number));
    await add.getByLabel('Merknad (valgfritt)').fill('Til BP3');
    await add.getByRole('button', { name: 'Legg til på sakslisten' }).click();
    const item = page.getByRole('article', { name: /Sak 1: \[Syntetisk\] Digital søknad om omsorgsbolig/ });
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.textContent()).toContain('Til beslutning: BP3');
    expect(await item.textContent()).toContain('Sjekkliste for BP3');
    await expectNoAxeViolations(page, 'the meeting with its agenda');

    await page.getByLabel('Referat fra møtet').fill('Sak 1: drøftet, tas opp til BP3 neste møte.');
    await page.getByRole('button', { name: 'Lagre referat' }).click();
    await expect.poll(() => page.getByText('Referatet er lagret.').isVisible()).toBe(true);

    // The board pack: «Skriv ut styrepakke» calls window.print(); the print stylesheet hides the chrome.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Skriv ut styrepakke' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Skriv ut styrepakke' }).isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await item.isVisible()).toBe(true);
    expect(await page.getByText('Styrepakke', { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the board pack in print');
    await page.emulateMedia({ media: 'screen' });
  });
});
