/// <reference lib="dom" />
// [DIGITAL AGENT][PROPOSE]: in real Chromium against the real server, the demo's digital agent
// proposes an initiative on the intake form, finds it on the overview filtered by area, opens it,
// and sees it on the roadmap. Axe on every page state.
import { describe, expect, it } from 'vitest';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { InitiativeDetail } from './initiatives.schemas.js';

const b = useBrowser();

describe('[DIGITAL AGENT][PROPOSE] an initiative from the form to the overview and the roadmap', () => {
  it('proposes, filters by area, opens it, and shows it on the roadmap', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'digitalagent');
    await expect.poll(() => page.getByText('Demo Digitalagent').first().isVisible()).toBe(true);

    await page.goto('/portefolje/nytt');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Foreslå et initiativ' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel(/^Tittel/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the empty intake form');

    // Sending without a title and an owning unit: the summary lists both, the fields say what is wrong.
    await page.getByRole('button', { name: 'Send forslaget' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Rett dette før du sender' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Skriv en tittel.' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Velg eierenheten.' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the intake form with errors');

    await page.getByLabel(/^Tittel/).fill('[Test] Digital påmelding til SFO');
    await page.getByLabel(/^Problem/).fill('Påmelding skjer på papir.');
    await page.getByLabel(/^Behov/).fill('Foreldre vil melde på digitalt.');
    await chooseInCombobox(page, /^Eierenhet/, 'Aronsløkka skole');
    await chooseInCombobox(page, /^Digital agent/, 'Demo Digitalagent');
    await page.getByRole('radio', { name: 'Innovasjon' }).check();
    await page.getByLabel('Estimert kostnad (kroner)').fill('150000');
    await page.getByLabel(/^Planlagt start/).fill('2027-02');
    await page.getByLabel(/^Planlagt slutt/).fill('2027-08');
    await page.getByRole('checkbox', { name: 'Initiativet behandler personopplysninger' }).check();
    const goals = page.getByRole('group', { name: 'Strategiske mål initiativet støtter' }).getByRole('checkbox');
    if ((await goals.count()) > 0) await goals.first().check();
    await page.getByRole('button', { name: 'Send forslaget' }).click();

    await expect.poll(() => page.url()).toMatch(/\/portefolje\/initiativ\/\d+$/);
    const number = page.url().split('/').at(-1)!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`INI-${number} [Test] Digital påmelding til SFO`);
    await expect.poll(() => page.getByText('Demo Digitalagent').nth(1).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Foreslått' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the new initiative');

    const detail = (await (await page.request.get(`/api/portfolio/initiatives/${number}`)).json()) as InitiativeDetail;
    expect(detail).toMatchObject({
      ownerUnit: { name: 'Aronsløkka skole' },
      digitalAgent: { displayName: 'Demo Digitalagent' },
      category: 'innovation',
    });
    expect(detail.area).not.toBeNull();

    // The overview, filtered by the initiative's area through the filter (the URL keeps it).
    await page.goto('/portefolje');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Porteføljeoversikt' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Område (kommunalsjef/direktør)').isVisible()).toBe(true);
    await page.getByLabel('Område (kommunalsjef/direktør)').selectOption({ label: detail.area!.name });
    await expect.poll(() => page.url()).toContain(`area=${detail.area!.id}`);
    const link = page.getByRole('link', { name: `INI-${number}`, exact: true });
    await expect.poll(() => link.isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: '[Test] Digital påmelding til SFO' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /^Idé: \d+/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the overview filtered by area');

    await link.click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/portefolje/initiativ/${number}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('[Test] Digital påmelding til SFO');

    // The roadmap: the bar in the timeline, and the same in the table.
    await page.goto('/portefolje/veikart');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Veikart' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('img', { name: /Tidslinje for planlagte initiativer/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: '[Test] Digital påmelding til SFO' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the roadmap');
    // The area filter lives in the URL and survives a reload.
    await page.getByLabel('Område (kommunalsjef/direktør)').selectOption({ index: 1 });
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toMatch(/^[0-9a-f-]{36}$/);
    const area = new URL(page.url()).searchParams.get('area')!;
    await page.reload();
    await expect.poll(() => page.getByLabel('Område (kommunalsjef/direktør)').inputValue()).toBe(area);
  }, 240_000);
});
