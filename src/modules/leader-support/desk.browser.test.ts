/// <reference lib="dom" />
// [ROLE][ACTION]: the desk pages of leader support (the agents' queue and one request) in real
// Chromium against the real server, with axe on every page state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

const names = {
  leder: 'Demo Leder',
  forstelinje: 'Demo Førstelinje',
  andrelinje: 'Demo Andrelinje',
  admin: 'Demo Administrator',
  analytiker: 'Demo Analytiker',
} as const;

async function signIn(page: Page, username: keyof typeof names) {
  await signInAsDemo(page, username);
  await poll(() => page.getByText(names[username]).first().isVisible()).toBe(true);
  // Signing in ends on the front page: wait for it, so the next navigation does not cut it short.
  await poll(() => new URL(page.url()).pathname).toBe('/');
  await page.waitForLoadState();
}

/** A request submitted through the API by the signed-in user (with the session's CSRF token). */
async function submit(page: Page, body: Record<string, unknown>): Promise<{ number: number; id: string }> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/leader-support/requests', {
    headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    data: body,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { number: number; id: string };
}

/** The machine may be busy: allow a page (and its code) a while to arrive. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).first();

describe('[FIRST_LINE][SECOND_LINE][LEADER] the desk', () => {
  it('first line takes, replies, notes and escalates by routing; second line resolves; the leader sees the reply but not the note and rates it', async () => {
    const { page: leader } = await b.newPage();
    await signIn(leader, 'leder');
    // The employee concerned: a person in the organisation model (the leader themself will do).
    const me = (await (await leader.request.get('/api/leader-support/me')).json()) as { person: { id: string; name: string } | null };
    expect(me.person).not.toBeNull();
    const created = await submit(leader, {
      categoryKey: 'lonn',
      subject: 'Feil i lønnsutbetaling for vikar',
      description: 'Vikaren fikk ikke betalt for mars.\nGjelder 12 timer.\n<script>alert(1)</script>',
      fields: { employee: me.person!.id, topic: 'payment' },
    });
    const number = `LS-${created.number}`;

    // The first-line agent: the queue starts at line 1, open requests.
    const { page: agent } = await b.newPage();
    await signIn(agent, 'forstelinje');
    await agent.goto('/lederstotte/ko');
    await poll(() => h1(agent)).toBe('Kø');
    await poll(() => new URL(agent.url()).searchParams.get('line')).toBe('1');
    const queue = agent.getByRole('table', { name: 'Henvendelser i køen' });
    const row = queue.getByRole('row', { name: new RegExp(number) });
    await poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('Demo Leder');
    expect(await row.textContent()).toMatch(/Løsning: (I rute|Snart over fristen|Over fristen|Pauset|Ingen frist)/);
    await expectNoAxeViolations(agent, 'queue, first line');

    // A second agent (the administrator, who may work in every group) has the same queue open.
    const { page: other } = await b.newPage();
    await signIn(other, 'admin');
    await other.goto('/lederstotte/ko?line=1&sort=due');
    const otherTake = other.getByRole('button', { name: `Ta ${number}` });
    await poll(() => otherTake.isVisible()).toBe(true);

    // The first line takes it; the second agent is told who was quicker.
    await row.getByRole('button', { name: `Ta ${number}` }).click();
    await poll(() => status(agent).textContent()).toContain(`Du har tatt ${number}.`);
    await poll(() => row.textContent()).toContain(names.forstelinje);
    await otherTake.click();
    await poll(() => status(other).textContent()).toContain(`allerede tatt av ${names.forstelinje}`);
    await poll(() => other.getByRole('button', { name: `Ta ${number}` }).count()).toBe(0);
    await expectNoAxeViolations(other, 'queue, take lost');

    // The request page: the description is text (no script runs, the tag shows as typed).
    await row.getByRole('link', { name: number }).click();
    await poll(() => h1(agent)).toBe(`${number}: Feil i lønnsutbetaling for vikar`);
    expect(await agent.getByText('<script>alert(1)</script>', { exact: false }).isVisible()).toBe(true);
    const details = agent.getByRole('region', { name: 'Opplysninger' });
    expect(await details.textContent()).toContain('Ansatt det gjelder');
    expect(await details.textContent()).toContain('Utbetaling');
    await expectNoAxeViolations(agent, 'request, taken by the first line');

    // A public reply, then an internal note.
    await agent.getByRole('textbox', { name: 'Melding' }).fill('Hei! Vi ser på saken.');
    await agent.getByRole('button', { name: 'Send svar' }).click();
    await poll(() => status(agent).textContent()).toContain('Svaret er sendt.');
    await agent.getByRole('radio', { name: /Internt notat/ }).check();
    await agent.getByRole('textbox', { name: 'Melding' }).fill('Sjekk timelistene i HR-systemet.');
    await agent.getByRole('button', { name: 'Lagre notat' }).click();
    await poll(() => status(agent).textContent()).toContain('Det interne notatet er lagret.');
    const note = agent.getByRole('article', { name: /Internt notat fra/ });
    await poll(() => note.textContent()).toContain('Sjekk timelistene i HR-systemet.');
    expect(await note.textContent()).toContain('Internt notat');

    // Attachments: an allowed file is listed as a download; a type not allowed is refused with the server's reason.
    const file = agent.getByLabel('Fil', { exact: true });
    await file.setInputFiles({ name: 'timeliste.txt', mimeType: 'text/plain', buffer: Buffer.from('Mars: 12 timer\n', 'utf8') });
    await agent.getByRole('button', { name: 'Last opp' }).click();
    await poll(() => status(agent).textContent()).toContain('Vedlegget «timeliste.txt» er lastet opp.');
    const download = agent.getByRole('link', { name: 'timeliste.txt' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/leader-support\/attachments\/[0-9a-f-]{36}$/);
    expect(await download.getAttribute('download')).toBe('timeliste.txt');
    await file.setInputFiles({ name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00', 'latin1') });
    await agent.getByRole('button', { name: 'Last opp' }).click();
    await poll(() => agent.getByRole('alert').filter({ hasText: 'Filtypen kan ikke legges ved' }).isVisible()).toBe(true);
    await expectNoAxeViolations(agent, 'request, attachment refused');

    // Escalation: the reason is required; the school leader's payroll request goes to the school payroll group.
    await agent.getByRole('button', { name: 'Eskaler til 2. linje' }).click();
    const escalate = agent.getByRole('form', { name: 'Eskaler til 2. linje' });
    await poll(() => escalate.textContent()).toContain('Saken går til: Lønn og personal – skole');
    await escalate.getByRole('button', { name: 'Eskaler' }).click();
    await poll(() => escalate.getByText('Skriv en begrunnelse.').isVisible()).toBe(true);
    await expectNoAxeViolations(agent, 'request, escalation form with an error');
    await escalate.getByLabel('Begrunnelse').fill('Trenger lønnsfaglig vurdering.');
    await escalate.getByRole('button', { name: 'Eskaler' }).click();
    await poll(() => status(agent).textContent()).toContain(`${number} er eskalert til 2. linje.`);
    await poll(() => agent.getByText('2. linje – Lønn og personal – skole').isVisible()).toBe(true);
    await expectNoAxeViolations(agent, 'request, escalated');

    // The second line: it is in their queue (their group by default); they take it and resolve it.
    const { page: second } = await b.newPage();
    await signIn(second, 'andrelinje');
    await second.goto('/lederstotte/ko');
    await poll(() => new URL(second.url()).searchParams.get('groupId')).toMatch(/^[0-9a-f-]{36}$/);
    const secondRow = second.getByRole('table', { name: 'Henvendelser i køen' }).getByRole('row', { name: new RegExp(number) });
    await poll(() => secondRow.isVisible()).toBe(true);
    await expectNoAxeViolations(second, 'queue, second line');
    await secondRow.getByRole('link', { name: number }).click();
    await poll(() => h1(second)).toBe(`${number}: Feil i lønnsutbetaling for vikar`);
    // Agents see the internal note.
    await poll(() => second.getByText('Sjekk timelistene i HR-systemet.').isVisible()).toBe(true);
    await second.getByRole('button', { name: 'Ta saken' }).click();
    await poll(() => status(second).textContent()).toContain(`Du har tatt ${number}.`);
    await second.getByRole('button', { name: 'Løs', exact: true }).click();
    const resolve = second.getByRole('form', { name: 'Løs henvendelsen' });
    await resolve.getByLabel('Løsning').fill('Utbetalingen er rettet og kommer med neste lønnskjøring.');
    await resolve.getByRole('button', { name: 'Marker som løst' }).click();
    await poll(() => status(second).textContent()).toContain(`${number} er løst.`);
    await poll(() => second.getByText('Løst', { exact: true }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(second, 'request, resolved by the second line');

    // The leader: the public reply is there, the internal note is not; they rate it 5.
    await leader.goto(`/lederstotte/henvendelser/${created.number}`);
    await poll(() => h1(leader)).toBe(`${number}: Feil i lønnsutbetaling for vikar`);
    await poll(() => leader.getByText('Hei! Vi ser på saken.').isVisible()).toBe(true);
    expect(await leader.getByText('Sjekk timelistene i HR-systemet.').count()).toBe(0);
    expect(await leader.getByText('Internt notat').count()).toBe(0);
    expect(await leader.getByRole('button', { name: 'Ta saken' }).count()).toBe(0);
    await expectNoAxeViolations(leader, 'request, the leader before rating');
    await leader.getByRole('radio', { name: '5 – Svært fornøyd' }).check();
    await leader.getByLabel('Kommentar (valgfritt)').fill('Rask og god hjelp.');
    await leader.getByRole('button', { name: 'Send vurdering' }).click();
    await poll(() => status(leader).textContent()).toContain('Takk for vurderingen!');
    await poll(() => leader.getByText(/Vurdering: 5 av 5/).isVisible()).toBe(true);
    await expectNoAxeViolations(leader, 'request, rated');

    // Management's dashboard counts it: resolved, but not in the first line (it was escalated), rated 5.
    const { page: analyst } = await b.newPage();
    await signIn(analyst, 'analytiker');
    await analyst.goto('/lederstotte/tall');
    await poll(() => analyst.getByText(/0 av 1 løste henvendelser\. Mål: 70/).isVisible()).toBe(true);
    await poll(() => analyst.getByText(/Snitt av 1 svar \(1–5\)\. Svarprosent 100/).isVisible()).toBe(true);
    await expectNoAxeViolations(analyst, 'figures with the rated request');
  }, 300_000);

  it("a change made on an old copy of the request is refused with the server's message and «Last inn på nytt»", async () => {
    const { page: leader } = await b.newPage();
    await signIn(leader, 'leder');
    const created = await submit(leader, {
      categoryKey: 'annet',
      subject: 'Spørsmål om møterom',
      description: 'Hvem booker møterom på rådhuset?',
    });
    const number = `LS-${created.number}`;

    // Two agents' pages open on the same request; the first takes it, the second still shows the old copy.
    const { page: first } = await b.newPage();
    await signIn(first, 'forstelinje');
    const { page: second } = await b.newPage();
    await signIn(second, 'admin');
    for (const page of [first, second]) {
      await page.goto(`/lederstotte/henvendelser/${created.number}`);
      await poll(() => h1(page)).toBe(`${number}: Spørsmål om møterom`);
    }
    await first.getByRole('button', { name: 'Ta saken' }).click();
    await poll(() => status(first).textContent()).toContain(`Du har tatt ${number}.`);

    await second.getByLabel('Prioritet', { exact: true }).selectOption({ label: 'Høy' });
    await second.getByRole('button', { name: 'Endre prioritet' }).click();
    const refusal = second.getByRole('alert').filter({ hasText: 'Noen andre har endret' });
    await poll(() => refusal.isVisible()).toBe(true);
    await expectNoAxeViolations(second, 'request, stale refusal');
    await refusal.getByRole('button', { name: 'Last inn på nytt' }).click();
    await poll(() => second.getByRole('alert').filter({ hasText: 'Noen andre har endret' }).count()).toBe(0);
    await poll(() => second.getByText(names.forstelinje).first().isVisible()).toBe(true);
    // Read again, the same change goes through.
    await second.getByLabel('Prioritet', { exact: true }).selectOption({ label: 'Høy' });
    await second.getByRole('button', { name: 'Endre prioritet' }).click();
    await poll(() => status(second).textContent()).toContain(`Prioriteten til ${number} er endret.`);
  }, 180_000);
});
