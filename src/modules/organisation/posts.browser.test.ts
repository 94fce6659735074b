/// <reference lib="dom" />
// [ROLE][ACTION]: posts and FTE (issue 15) in real Chromium against the real server, with axe: a
// position's FTE and cost centre, a unit's budget and roll-up on the unit page, the page
// «Stillinger og årsverk» with its sortable table and vacancy list, and the analytics page's
// administration share, which says it has no basis instead of showing the demo's few people.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { OrganisationDb } from './server/organisation.tables.js';

const b = useBrowser();
const db = () => b.knutepunkt.database.db as unknown as OrganisationDb;

async function signInAsEditor(page: Page) {
  await signInAsDemo(page, 'organisasjon');
  await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
}

/** Where each text node containing `word` breaks onto a new line inside it: «Administrasjonsa/ndel». */
async function brokenWords(page: Page, word: string): Promise<string[]> {
  return page.evaluate((word) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      // The word as written, perhaps with a soft hyphen inside.
      const start = text.replace(/\u00ad/g, '').includes(word) ? text.indexOf(word.slice(0, 8)) : -1;
      if (start === -1) continue;
      const range = document.createRange();
      let lastTop: number | null = null;
      for (let i = start; i < Math.min(text.length, start + word.length + 1); i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        // A break right after the soft hyphen is proper hyphenation; anywhere else it splits the word.
        if (lastTop !== null && rect.top > lastTop + 2 && text[i - 1] !== '\u00ad') found.push(`${text.slice(start, i)}/${text.slice(i)}`);
        lastTop = rect.top;
      }
    }
    return found;
  }, word);
}

describe('[ORGANISATION_EDITOR][POSTS]', () => {
  it('records a position’s FTE and cost centre, sets a unit’s budget and reads the roll-ups and vacancies', async () => {
    const position = await db().selectFrom('org_positions').select('id').where('key', '=', 'kommunalsjef-skole').executeTakeFirstOrThrow();
    const unit = await db().selectFrom('org_units').select('id').where('key', '=', 'omrade-skole').executeTakeFirstOrThrow();
    const { page } = await b.newPage();
    await signInAsEditor(page);

    // The position: FTE and cost centre from today.
    await page.goto(`/organisasjon/stillinger/${position.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kommunalsjef for skole');
    await page.getByText('Endre årsverk og ansvar').click();
    await page.getByLabel('Stillingens årsverk').fill('1');
    await page.getByLabel('Ansvar (koststed)').fill('2100');
    await expect.poll(() => page.getByLabel('Ansvar (koststed)').inputValue()).toBe('2100');
    await page.getByRole('button', { name: 'Lagre årsverk og ansvar' }).click();
    // Saved, or the refusal in words (so a failure says why rather than timing out).
    const outcome = page.getByText(/Lagret\. Endringen gjelder fra/).or(page.getByRole('alert').filter({ hasText: /\S/ }));
    await outcome.first().waitFor();
    expect(await outcome.first().textContent()).toMatch(/Lagret\. Endringen gjelder fra/);
    await expect.poll(() => page.locator('dd', { hasText: '2100' }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'position page with the FTE and cost centre form');

    // The unit: its section, and a budget that needs its source.
    await page.goto(`/organisasjon/enheter/${unit.id}`);
    await page.getByRole('heading', { name: 'Stillinger og årsverk', level: 2 }).waitFor();
    await page.getByRole('table', { name: 'Årsverk i Skole, i enheten selv og med alt under' }).waitFor();
    await expect.poll(() => page.getByText('Enheten har ingen budsjetterte årsverk registrert.').isVisible()).toBe(true);
    await page.getByText('Endre budsjetterte årsverk').click();
    const budgetForm = page.locator('form').filter({ has: page.getByLabel('Budsjetterte årsverk') });
    await budgetForm.getByLabel('Budsjetterte årsverk').fill('40,5');
    await budgetForm.getByRole('button', { name: 'Lagre budsjettet' }).click();
    await budgetForm.getByText('Oppgi kilden til budsjettet, for eksempel vedtatt årsbudsjett med side.').first().waitFor();
    await budgetForm.getByLabel('Kilde', { exact: true }).fill('Årsbudsjett 2027, s. 12');
    await budgetForm.getByRole('button', { name: 'Lagre budsjettet' }).click();
    await expect.poll(() => page.getByText(/^Budsjetterte årsverk: 40,5 fra .* Kilde: Årsbudsjett 2027, s\. 12\.$/).isVisible()).toBe(true);
    await page.getByRole('table', { name: 'Budsjetterte årsverk i Skole over tid' }).waitFor();
    await expectNoAxeViolations(page, 'unit page with posts and FTE');

    // «Stillinger og årsverk» for the area, from the unit page.
    await page.getByRole('link', { name: 'Se årsverk og ledige stillinger under Skole' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Stillinger og årsverk');
    await page.getByRole('heading', { name: 'Sum for området: Skole', level: 2 }).waitFor();
    const table = page.getByRole('table', { name: /^Årsverk per enhet under Skole/ });
    await table.waitFor();
    const vacant = table.getByRole('columnheader', { name: 'Ledig' });
    await expect.poll(() => vacant.getAttribute('aria-sort')).toBe('none');
    await vacant.getByRole('button').click();
    await expect.poll(() => vacant.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Enhet' }).getAttribute('aria-sort')).toBe('none');

    await page.getByRole('heading', { name: 'Ledige stillinger', level: 2 }).waitFor();
    await page.getByRole('table', { name: /^Ledige stillinger / }).waitFor();
    const csv = await page.getByRole('link', { name: 'Last ned som CSV' }).getAttribute('href');
    expect(csv).toContain(`unit=${unit.id}`);
    expect(csv).toContain('format=csv');
    const download = await page.request.get(csv!);
    expect(download.status()).toBe(200);
    expect((await download.text()).split('\r\n')[0]).toBe('\uFEFFStilling;Enhet;Plassering;Årsverk;Ansvar;Ledig siden');
    await expectNoAxeViolations(page, 'Stillinger og årsverk');

    // On a phone: nothing wider than the screen but the tables' own scroll.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, 'Stillinger og årsverk at 375 px');
    // The vacancy list is wider than the phone: it scrolls inside its frame, which the keyboard can focus and scroll.
    const frame = page.getByRole('region', { name: /^Ledige stillinger / });
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    // On a wide screen it fits, and is no tab stop.
    await page.setViewportSize({ width: 1600, height: 800 });
    await expect
      .poll(() => page.getByRole('table', { name: /^Ledige stillinger / }).evaluate((t) => t.parentElement!.hasAttribute('tabindex')))
      .toBe(false);
  });
});

describe('[ORGANISATION_READER][ADMINISTRATION_SHARE]', () => {
  it('says there is no basis instead of a share of the demo’s few people, and never splits «Administrasjonsandel» mid-word', async () => {
    const { page } = await b.newPage();
    await signInAsEditor(page);
    await page.goto('/organisasjon/analyse');
    await page.getByRole('heading', { name: 'Administrasjonsandel', level: 2 }).waitFor();
    await expect.poll(() => page.locator('.kp-stat', { hasText: 'Administrasjons' }).locator('dd').textContent()).toBe('Mangler grunnlag');
    await page.getByText(/^Administrasjonsandelen vises ikke, fordi for få stillinger/).waitFor();
    await page.getByText(/^Kildene oppgir ikke hvor mange årsverk Drammen, Nedre Eiker og Svelvik/).waitFor();
    await expectNoAxeViolations(page, 'analytics without a basis for the administration share');

    for (const width of [375, 1280, ...Array.from({ length: 29 }, (_, i) => 320 + i * 40)]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await brokenWords(page, 'Administrasjonsandel'), `at ${width} px`).toEqual([]);
    }
  });
});
