/// <reference lib="dom" />
// [ORGANISATION_EDITOR][APPROVAL]: approval before apply in real Chromium against the real server,
// with axe on the scenario page in each state: the editor drafts and submits, a director (the
// demo sign-in `direktor`, whose role follows the position) approves, apply is refused to the one
// who drafted it, and the director applies through the confirmation dialog.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function signIn(page: Page, username: string, displayName: string) {
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
}

async function openScenario(page: Page, id: string, name: string) {
  await page.goto(`/organisasjon/scenarioer/${id}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
  await expect.poll(() => page.getByRole('heading', { name: 'Godkjenning', level: 2 }).isVisible()).toBe(true);
}

const statusIs = (page: Page, status: string) => page.locator('dd').filter({ hasText: status }).first().isVisible();

describe('[ORGANISATION_EDITOR][APPROVAL]', () => {
  it('editor submits, director approves, the drafter cannot apply, the director applies through the confirmation', async () => {
    const name = 'Kommunikasjon får nytt navn';
    const editor = (await b.newPage()).page;
    await signIn(editor, 'organisasjon', 'Demo Organisasjonsredaktør');
    const created = await editor.request.post('/api/organisation/scenarios', {
      data: {
        name,
        effectiveDate: '2027-01-01',
        changes: [{ type: 'rename_unit', unitKey: 'stabsomrade-kommunikasjon', name: 'Kommunikasjon og samfunnskontakt' }],
      },
      headers: { 'x-csrf-token': await csrf(editor) },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // Draft: the editor submits it, with a comment.
    await openScenario(editor, id, name);
    await expect.poll(() => statusIs(editor, 'Utkast')).toBe(true);
    await expectNoAxeViolations(editor, 'scenario page, draft (editor)');
    await editor.getByLabel('Kommentar (valgfri)').fill('Klar for godkjenning.');
    await editor.getByRole('button', { name: 'Send til godkjenning' }).click();
    await expect.poll(() => statusIs(editor, 'Sendt til godkjenning')).toBe(true);
    await expect.poll(() => editor.getByText('Klar for godkjenning.').isVisible()).toBe(true);
    await expect.poll(() => editor.getByRole('button', { name: 'Godkjenn' }).count()).toBe(0);
    await expectNoAxeViolations(editor, 'scenario page, submitted (editor)');

    // Submitted: the director sees what was submitted and approves it.
    const director = (await b.newPage()).page;
    await signIn(director, 'direktor', 'Demo Direktør');
    await openScenario(director, id, name);
    await expect.poll(() => statusIs(director, 'Sendt til godkjenning')).toBe(true);
    await director.getByRole('tab', { name: 'Sammenligning' }).click();
    await expect.poll(() => director.getByText(/Sammenligningen slik den var da scenariet ble sendt inn/).isVisible()).toBe(true);
    await expect.poll(() => director.getByText('1 enhet får nytt navn', { exact: false }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(director, 'scenario page, submitted (director, comparison)');
    await director.getByRole('button', { name: 'Godkjenn' }).click();
    await expect.poll(() => statusIs(director, 'Godkjent')).toBe(true);
    await expectNoAxeViolations(director, 'scenario page, approved (director)');

    // Approved: the one who drafted it is not offered apply, and the server refuses it.
    await editor.reload();
    await expect.poll(() => statusIs(editor, 'Godkjent')).toBe(true);
    await expect
      .poll(() => editor.getByText('Du laget dette scenariet og kan ikke godkjenne eller gjennomføre det selv.').isVisible())
      .toBe(true);
    expect(await editor.getByRole('button', { name: 'Gjennomfør …' }).count()).toBe(0);
    const revision = ((await (await editor.request.get(`/api/organisation/scenarios/${id}`)).json()) as { revision: number }).revision;
    const refused = await editor.request.post(`/api/organisation/scenarios/${id}/apply`, {
      data: { revision },
      headers: { 'x-csrf-token': await csrf(editor) },
    });
    expect(refused.status()).toBe(403);
    await expectNoAxeViolations(editor, 'scenario page, approved (editor)');

    // The director applies through the confirmation dialog, which names what changes.
    await director.reload();
    await expect.poll(() => statusIs(director, 'Godkjent')).toBe(true);
    await director.getByRole('button', { name: 'Gjennomfør …' }).click();
    const dialog = director.getByRole('dialog', { name: `Gjennomføre «${name}»?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect
      .poll(() => dialog.getByRole('listitem').first().textContent())
      .toBe('1 enhet får nytt navn Gjelder «Kommunikasjon og samfunnskontakt».');
    await expectNoAxeViolations(director, 'apply confirmation dialog');
    await dialog.getByRole('button', { name: 'Ja, gjennomfør' }).click();
    await expect.poll(() => statusIs(director, 'Gjennomført')).toBe(true);
    await expect.poll(() => director.getByText('Scenariet er gjennomført. Endringene gjelder fra 1. januar 2027.').isVisible()).toBe(true);
    await expectNoAxeViolations(director, 'scenario page, applied');

    const tree = (await (await director.request.get('/api/organisation/tree?date=2027-01-01')).json()) as {
      units: { key: string; name: string }[];
    };
    expect(tree.units.find((u) => u.key === 'stabsomrade-kommunikasjon')?.name).toBe('Kommunikasjon og samfunnskontakt');
  });
});
