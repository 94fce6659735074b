/// <reference lib="dom" />
// [ORGANISATION_EDITOR][ASSIGN_PERSON]: a person above 100 % FTE is refused, and the form then offers
// to accept it with a reason (issue 15), in real Chromium against the real server, with axe.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { SearchResult } from './records.schemas.js';

const b = useBrowser();

describe('[ORGANISATION_EDITOR][ASSIGN_PERSON] above 100 % FTE', () => {
  it('is refused for the rådmann at 100 % taking another post at 80 %, and saved with a reason', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
    const found = (await (await page.request.get('/api/organisation/search?q=kommunalsjef%20for%20helsetjenester')).json()) as SearchResult;
    const position = found.positions.find((p) => p.title === 'kommunalsjef for helsetjenester')!;
    await page.goto(`/organisasjon/stillinger/${position.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/kommunalsjef for helsetjenester/i);

    await page.getByLabel('Navn på personen').fill('Elisabeth Enger');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('radio', { name: 'Elisabeth Enger', exact: true }).check();
    await page.getByLabel('Andel av full stilling').fill('80');
    await page.getByRole('button', { name: 'Sett personen i stillingen' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Elisabeth Enger får da 180 % stilling/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const reason = page.getByLabel('Begrunnelse for mer enn 100 % stilling');
    await expect.poll(() => reason.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'assign-person form offering the FTE override');

    // Saving again without a reason names what is missing; with one it is saved.
    await page.getByRole('button', { name: 'Sett personen i stillingen' }).click();
    await expect
      .poll(() => page.getByText('Skriv en begrunnelse, eller endre stillingsprosenten eller datoene.').first().isVisible())
      .toBe(true);
    await reason.fill('Fungerer som kommunalsjef i en overgang.');
    await page.getByRole('button', { name: 'Sett personen i stillingen' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/^Personen har stillingen fra/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  }, 120_000);
});
