/// <reference lib="dom" />
// [ROLE][ACTION]: the knowledge base in real Chromium against the real server: a school leader
// searches in Norwegian, opens a demo article and says it was helpful; a first-line agent writes an
// article (HTML in it shown as text, never run) and meets a stale edit. Axe on every page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { ArticleList } from './knowledge-base.schemas.js';

const b = useBrowser();
// Several axe runs per test on a shared machine: more than the default minute.
const timeout = 180_000;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function signIn(page: Page, username: 'leder' | 'forstelinje', displayName: string) {
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

/** The demo articles come with the module's demo preparation; without it, the agent writes one through the API. */
async function ensurePasswordArticle(page: Page) {
  const list = (await (await page.request.get('/api/leader-support/articles?q=passord')).json()) as ArticleList;
  if (list.articles.some((a) => a.key === 'glemt-passord')) return;
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const created = await page.request.post('/api/leader-support/articles', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      title: 'Glemt passord – lag nytt selv',
      summary: 'Du lager nytt passord selv.',
      body: '**Ikke ring rundt** – lag nytt passord selv.',
    },
  });
  expect(created.status()).toBe(201);
}

describe('[LEADER][SELF_SERVICE] find an answer in the knowledge base', () => {
  it('searches «passordet», opens the article, reads it and votes it helpful', { timeout }, async () => {
    const agent = await b.newPage();
    await signIn(agent.page, 'forstelinje', 'Demo Førstelinje');
    await ensurePasswordArticle(agent.page);

    const { page } = await b.newPage();
    await signIn(page, 'leder', 'Demo Leder');
    await page.goto('/lederstotte');
    await page.getByRole('navigation', { name: 'Lederstøtte – sider' }).getByRole('link', { name: 'Kunnskapsbase' }).click();
    await expect.poll(() => h1(page)).toBe('Kunnskapsbase');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Artikler etter kategori' }).isVisible()).toBe(true);
    // Leaders read; only agents write.
    expect(await page.getByRole('link', { name: 'Skriv ny artikkel' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'knowledge base, by category');

    // Another inflection than the title's «passord»: found by Norwegian stemming, as one types.
    await page.getByRole('searchbox', { name: 'Hva lurer du på?' }).fill('passordet');
    const results = page.getByRole('list', { name: 'Treff' });
    await expect.poll(() => results.getByRole('link', { name: 'Glemt passord – lag nytt selv' }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /om «passordet»/ })
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'knowledge base, search results');

    await results.getByRole('link', { name: 'Glemt passord – lag nytt selv' }).click();
    await expect.poll(() => h1(page)).toBe('Glemt passord – lag nytt selv');
    // Markdown rendered: the emphasis is a <strong>.
    await expect.poll(() => page.locator('.kp-kb-markdown strong').first().textContent()).toBe('Ikke ring rundt');
    await expectNoAxeViolations(page, 'an article');

    const yes = page.getByRole('button', { name: 'Ja', exact: true });
    expect(await yes.getAttribute('aria-pressed')).toBe('false');
    await yes.click();
    await expect.poll(() => page.getByText('Takk! Du svarte at artikkelen var nyttig.').isVisible()).toBe(true);
    await expect.poll(() => yes.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByText(/^1 ja, 0 nei$/).isVisible()).toBe(true);
    // The vote is kept: after a reload it is still pressed.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Ja', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(page, 'an article after voting');
  });
});

describe('[FIRST_LINE][WRITE_ARTICLE] write and change an article', () => {
  it('writes an article with a preview, shows HTML as text, and refuses a stale change with a reload', { timeout }, async () => {
    const { page } = await b.newPage();
    await signIn(page, 'forstelinje', 'Demo Førstelinje');
    await page.goto('/lederstotte/kunnskapsbase');
    await page.getByRole('link', { name: 'Skriv ny artikkel' }).click();
    await expect.poll(() => h1(page)).toBe('Ny artikkel');
    await expectNoAxeViolations(page, 'new article');

    // Nothing written: said in the summary and at the field.
    await page.getByRole('button', { name: 'Publiser artikkelen' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Skriv en tittel.' }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Tittel' }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new article, refused');

    await page.getByRole('textbox', { name: 'Tittel' }).fill('Skriver på rådhuset');
    await page.getByRole('textbox', { name: 'Sammendrag' }).fill('Slik kobler du deg til skriveren.');
    await page
      .getByRole('textbox', { name: 'Tekst' })
      .fill('**Velg** skriveren «Rådhuset 2. etasje».\n\n<script>window.__kbInjected = true</script>\n\n- Trykk på *Skriv ut*');
    const preview = page.getByRole('region', { name: 'Forhåndsvisning' });
    await expect.poll(() => preview.locator('strong').textContent()).toBe('Velg');
    await page.getByLabel('Kategori').selectOption({ label: 'PC og telefon' });
    await page.getByRole('button', { name: 'Publiser artikkelen' }).click();

    await expect.poll(() => h1(page)).toBe('Skriver på rådhuset');
    expect(page.url()).toMatch(/\/lederstotte\/kunnskapsbase\/skriver-pa-radhuset$/);
    // The script is shown as text and never ran.
    await expect.poll(() => page.getByText('<script>window.__kbInjected = true</script>').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __kbInjected?: boolean }).__kbInjected)).toBeUndefined();
    expect(await page.locator('.kp-kb-markdown script').count()).toBe(0);
    await expectNoAxeViolations(page, 'the new article');

    await page.getByRole('link', { name: 'Endre artikkelen' }).click();
    await expect.poll(() => h1(page)).toBe('Endre artikkel: Skriver på rådhuset');
    await expectNoAxeViolations(page, 'edit article');

    // Someone else saves first.
    await b.knutepunkt.database.db
      .updateTable('ls_articles' as never)
      .set({ title: 'Skriver på rådhuset (ny)', revision: 2 } as never)
      .where('key' as never, '=', 'skriver-pa-radhuset' as never)
      .execute();
    await page.getByRole('textbox', { name: 'Tittel' }).fill('Skriveren i 2. etasje');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByText(/Noen andre har endret artikkelen mens du skrev/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'edit article, stale');
    await page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tittel' }).inputValue()).toBe('Skriver på rådhuset (ny)');
    await page.getByRole('textbox', { name: 'Tittel' }).fill('Skriveren i 2. etasje');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => h1(page)).toBe('Skriveren i 2. etasje');
    // The key stays, so links to it keep working.
    expect(page.url()).toMatch(/\/lederstotte\/kunnskapsbase\/skriver-pa-radhuset$/);
  });
});
