import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import type { ArticleList, Article, Suggestions, VoteResult } from '../../knowledge-base.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { demoArticles, ensureDemoArticles } from './demo-articles.js';

const t = useTestApp();
const base = '/api/leader-support';

let leader: SignedIn;
let otherLeader: SignedIn;
let agent: SignedIn;

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };

async function call(as: SignedIn | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, lang = 'nb') {
  const response = await t.knutepunkt.app.inject({
    method,
    url: `${base}${url}`,
    headers: { ...(as?.headers ?? {}), 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: (response.body ? response.json() : {}) as Json };
}

const search = async (as: SignedIn, query: string) => {
  const { status, body } = await call(as, 'GET', `/articles?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as ArticleList;
};
const keys = (list: ArticleList) => list.articles.map((a) => a.key);

async function write(body: Record<string, unknown>): Promise<{ id: string; key: string; revision: number }> {
  const { status, body: result } = await call(agent, 'POST', '/articles', body);
  expect(status, JSON.stringify(result)).toBe(201);
  return result as unknown as { id: string; key: string; revision: number };
}

beforeAll(async () => {
  leader = await t.signInAs(['leader'], 'Leder Lise');
  otherLeader = await t.signInAs(['leader'], 'Leder Lars');
  agent = await t.signInAs(['first_line_agent'], 'Agent Anne');
  await ensureDemoArticles(t.database.db as unknown as LeaderSupportDb, () => {});
});

describe('[LEADER][FIND_ARTICLE] Norwegian search', () => {
  it('finds another inflection: «passordet» finds the article titled «Glemt passord», «passord» finds «passordet» in a body', async () => {
    expect(keys(await search(leader, `q=${encodeURIComponent('passordet')}`))[0]).toBe('glemt-passord');
    await write({ title: 'Sperret konto', body: 'Hvis kontoen er sperret etter at du tastet passordet feil, vent litt.' });
    expect(keys(await search(leader, 'q=passord'))).toEqual(expect.arrayContaining(['glemt-passord', 'sperret-konto']));
  });

  it('matches the last word as a prefix while it is being typed', async () => {
    expect(keys(await search(leader, `q=${encodeURIComponent('adgangsk')}`))[0]).toBe('adgangskort');
    expect(keys(await search(leader, `q=${encodeURIComponent('glemt pass')}`))[0]).toBe('glemt-passord');
  });

  it('tolerates a typo in a title (trigram similarity): «adgangkort», «arkivsytemet»', async () => {
    expect(keys(await search(leader, 'q=adgangkort'))[0]).toBe('adgangskort');
    expect(keys(await search(leader, 'q=arkivsytemet'))[0]).toBe('arkivsystemet');
  });

  it('finds nothing for a word in no article, and lists everything by category without a search', async () => {
    expect((await search(leader, 'q=kvantefysikk')).articles).toEqual([]);
    const all = await search(leader, '');
    expect(all.q).toBeNull();
    expect(all.articles.length).toBeGreaterThanOrEqual(demoArticles.length);
    expect(all.categories.map((c) => c.key)).toContain('adgangskort');
    const lonn = await search(leader, 'categoryKey=lonn');
    expect(keys(lonn)).toEqual(['lonn-refusjon-ferie-fravaer']);
    expect(lonn.articles[0]!.category).toMatchObject({ key: 'lonn', name: { nb: 'Lønn', en: 'Payroll' } });
    expect(lonn.articles[0]!.demo).toBe(true);
  });

  it('treats query syntax and SQL as plain words: no 500, no injection', async () => {
    for (const q of ["passord' & !", "'); drop table ls_articles; --", ':* | & ( ) !!', '«»', '   ']) {
      const { status } = await call(leader, 'GET', `/articles?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
    expect((await search(leader, `q=${encodeURIComponent("passord' | !")}`)).articles[0]!.key).toBe('glemt-passord');
  });

  it('refuses a search over 200 characters with a message', async () => {
    const { status, body } = await call(leader, 'GET', `/articles?q=${'a'.repeat(201)}`);
    expect(status).toBe(400);
    expect(body.error!.message).toMatch(/for langt/);
  });
});

describe('[LEADER][SUGGEST] deflection while typing a request', () => {
  it('suggests at most five articles for a whole sentence, the best first', async () => {
    const q = encodeURIComponent('Hei! Jeg har glemt passordet mitt og kommer ikke inn på PC-en');
    const { status, body } = await call(leader, 'GET', `/articles/suggest?q=${q}`);
    expect(status).toBe(200);
    const suggestions = body as unknown as Suggestions;
    expect(suggestions.articles.length).toBeGreaterThan(0);
    expect(suggestions.articles.length).toBeLessThanOrEqual(5);
    expect(suggestions.articles[0]).toMatchObject({ key: 'glemt-passord', title: 'Glemt passord – lag nytt selv' });
    expect(Object.keys(suggestions.articles[0]!).sort()).toEqual(['id', 'key', 'summary', 'title']);
  });

  it('puts the chosen category first, and says nothing for no words', async () => {
    const { body } = await call(
      leader,
      'GET',
      `/articles/suggest?q=${encodeURIComponent('ny ansatt trenger adgangskort og tilganger')}&categoryKey=adgangskort`,
    );
    expect((body as unknown as Suggestions).articles[0]!.key).toBe('adgangskort');
    expect((await call(leader, 'GET', `/articles/suggest?q=${encodeURIComponent('?! ')}`)).body).toEqual({ articles: [] });
  });

  it('never suggests agents’ articles or drafts', async () => {
    await write({ title: 'Intern rutine for passord', body: 'Passord tilbakestilles i adminverktøyet.', audience: 'agents' });
    await write({ title: 'Utkast om passord', body: 'Passord-utkast', published: false });
    const { body } = await call(agent, 'GET', `/articles/suggest?q=passord`);
    const found = (body as unknown as Suggestions).articles.map((a) => a.key);
    expect(found).toContain('glemt-passord');
    expect(found).not.toContain('intern-rutine-for-passord');
    expect(found).not.toContain('utkast-om-passord');
  });
});

describe('[AGENT][WRITE_ARTICLE] writing, permissions and stale edits', () => {
  it('makes a unique key from the title and audits the write', async () => {
    const before = await t.auditCount();
    const first = await write({
      title: 'Ny skriver på kontoret',
      body: 'Bestill i kategorien *PC og telefon*.',
      categoryKey: 'pc-og-telefon',
    });
    const second = await write({ title: 'Ny skriver på kontoret', body: 'En til.' });
    expect(first.key).toBe('ny-skriver-pa-kontoret');
    expect(second.key).toBe('ny-skriver-pa-kontoret-2');
    expect(await t.auditCount()).toBe(before + 2);
  });

  it('stores script and HTML in the body exactly as given (the web shows it as text)', async () => {
    const body = 'Hei <script>alert("x")</script> og <img src=x onerror=alert(1)> [lenke](javascript:alert(1))';
    const created = await write({ title: 'Farlig innhold', summary: '<b>fet</b>', body });
    const { body: article } = await call(leader, 'GET', `/articles/${created.key}`);
    expect((article as unknown as Article).body).toBe(body);
    expect((article as unknown as Article).summary).toBe('<b>fet</b>');
  });

  it('lets only agents write, and hides agents’ articles and drafts from leaders', async () => {
    const refused = await call(leader, 'POST', '/articles', { title: 'Fra leder', body: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.error!.message).toMatch(/tilgang/);
    expect((await call(null, 'GET', '/articles')).status).toBe(401);

    const all = keys(await search(leader, ''));
    expect(all).not.toContain('intern-rutine-for-passord');
    expect(all).not.toContain('utkast-om-passord');
    expect(keys(await search(agent, ''))).toEqual(expect.arrayContaining(['intern-rutine-for-passord', 'utkast-om-passord']));
    expect(keys(await search(agent, 'audience=agents'))).toEqual(['intern-rutine-for-passord']);

    const hidden = await call(leader, 'GET', '/articles/intern-rutine-for-passord');
    expect(hidden.status).toBe(404);
    expect(hidden.body.error!.message).toMatch(/Fant ikke artikkelen «intern-rutine-for-passord»/);
    const shown = await call(agent, 'GET', '/articles/intern-rutine-for-passord');
    expect(shown.status).toBe(200);
    expect((shown.body as unknown as Article).canEdit).toBe(true);
    expect(((await call(leader, 'GET', '/articles/glemt-passord')).body as unknown as Article).canEdit).toBe(false);
  });

  it('changes an article read at its revision and refuses a stale one with the current revision', async () => {
    const created = await write({ title: 'Telefonnummer', body: 'Første versjon' });
    const changed = await call(agent, 'PUT', `/articles/${created.key}`, {
      revision: created.revision,
      body: 'Andre versjon',
      categoryKey: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ key: 'telefonnummer', revision: created.revision + 1 });

    const stale = await call(agent, 'PUT', `/articles/${created.key}`, { revision: created.revision, body: 'Gammel' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale', details: { revision: created.revision + 1 } });
    expect(stale.body.error!.message).toMatch(/Noen andre har endret artikkelen «Telefonnummer»/);
    const english = await call(agent, 'PUT', `/articles/${created.key}`, { revision: 1, body: 'x' }, 'en');
    expect(english.body.error!.message).toMatch(/Someone else changed the article/);
    expect(((await call(agent, 'GET', `/articles/${created.key}`)).body as unknown as Article).body).toBe('Andre versjon');

    const unpublished = await call(agent, 'PUT', `/articles/${created.key}`, { revision: created.revision + 1, published: false });
    expect(unpublished.status).toBe(200);
    expect((await call(leader, 'GET', `/articles/${created.key}`)).status).toBe(404);

    const removed = await call(agent, 'DELETE', `/articles/${created.key}?revision=${created.revision + 2}`);
    expect(removed.status).toBe(204);
    expect((await call(agent, 'GET', `/articles/${created.key}`)).status).toBe(404);
  });

  it('refuses bad input with a message: unknown category, empty title, unknown field, bad key, nothing to change', async () => {
    const category = await call(agent, 'POST', '/articles', { title: 'X', body: 'y', categoryKey: 'finnes-ikke' });
    expect(category.status).toBe(400);
    expect(category.body.error!.message).toMatch(/Fant ikke kategorien «finnes-ikke»/);
    expect(category.body.error!.details).toEqual([{ in: 'body', path: 'categoryKey', problem: 'unknown category' }]);
    expect((await call(agent, 'POST', '/articles', { title: '   ', body: 'y' })).status).toBe(400);
    expect((await call(agent, 'POST', '/articles', { title: 'X', body: 'y', extra: 1 })).status).toBe(400);
    expect((await call(leader, 'GET', '/articles/Ikke%20en%20n%C3%B8kkel')).status).toBe(400);
    const nothing = await call(agent, 'PUT', '/articles/glemt-passord', { revision: 1 });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error!.message).toMatch(/Ingenting å endre/);
    expect((await call(agent, 'PUT', '/articles/finnes-ikke', { revision: 1, title: 'x' })).status).toBe(404);
  });

  it('puts the demo articles in place once, marked as demo, with their categories', async () => {
    await ensureDemoArticles(t.database.db as unknown as LeaderSupportDb, () => {});
    const rows = await t.database.db
      .selectFrom('ls_articles' as never)
      .select(['key', 'demo', 'category_id'] as never[])
      .where('demo' as never, '=', true as never)
      .execute();
    expect(rows).toHaveLength(demoArticles.length);
    expect(rows.every((row) => (row as { category_id: string | null }).category_id !== null)).toBe(true);
  });
});

describe('[LEADER][VOTE] «Var dette nyttig?»', () => {
  it('counts one vote per user; a changed vote moves the count', async () => {
    const vote = async (as: SignedIn, helpful: boolean) => {
      const { status, body } = await call(as, 'POST', '/articles/adgangskort/vote', { helpful });
      expect(status).toBe(200);
      return body as unknown as VoteResult;
    };
    expect(await vote(leader, true)).toEqual({ helpfulCount: 1, notHelpfulCount: 0, myVote: true });
    expect(await vote(leader, true)).toEqual({ helpfulCount: 1, notHelpfulCount: 0, myVote: true });
    expect(await vote(leader, false)).toEqual({ helpfulCount: 0, notHelpfulCount: 1, myVote: false });
    expect(await vote(otherLeader, true)).toEqual({ helpfulCount: 1, notHelpfulCount: 1, myVote: true });
    const article = (await call(leader, 'GET', '/articles/adgangskort')).body as unknown as Article;
    expect(article).toMatchObject({ helpfulCount: 1, notHelpfulCount: 1, myVote: false });
    expect(((await call(agent, 'GET', '/articles/adgangskort')).body as unknown as Article).myVote).toBeNull();
  });

  it('does not make an editor’s copy stale, and refuses votes on what the user cannot see', async () => {
    const before = ((await call(agent, 'GET', '/articles/e-handel-bestilling')).body as unknown as Article).revision;
    await call(leader, 'POST', '/articles/e-handel-bestilling/vote', { helpful: true });
    expect(((await call(agent, 'GET', '/articles/e-handel-bestilling')).body as unknown as Article).revision).toBe(before);
    expect((await call(leader, 'POST', '/articles/intern-rutine-for-passord/vote', { helpful: true })).status).toBe(404);
    expect((await call(leader, 'POST', '/articles/adgangskort/vote', { helpful: 'ja' })).status).toBe(400);
  });
});

describe('[AGENT][LINK_ARTICLE] articles linked to requests', () => {
  let requestNumber: string;

  beforeAll(async () => {
    const db = t.database.db as unknown as LeaderSupportDb;
    const category = await db.selectFrom('ls_categories').select('id').where('key', '=', 'adgangskort').executeTakeFirstOrThrow();
    const group = await db.selectFrom('ls_groups').select('id').where('line', '=', 1).executeTakeFirstOrThrow();
    const row = await db
      .insertInto('ls_requests')
      .values({
        category_id: category.id,
        subject: 'Mistet adgangskort',
        requester_user_id: leader.userId,
        requester_name: 'Leder Lise',
        priority: 'normal',
        group_id: group.id,
        fields: JSON.stringify({}),
      })
      .returning('number')
      .executeTakeFirstOrThrow();
    requestNumber = String(row.number);
  });

  it('links an article to a request the user may read, with an event in its history', async () => {
    const linked = await call(agent, 'POST', `/requests/LS-${requestNumber}/articles`, { articleKey: 'adgangskort' });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect((linked.body as { articles: { key: string }[] }).articles.map((a) => a.key)).toEqual(['adgangskort']);
    const events = await (t.database.db as unknown as LeaderSupportDb)
      .selectFrom('ls_request_events')
      .innerJoin('ls_requests', 'ls_requests.id', 'ls_request_events.request_id')
      .select(['ls_request_events.type', 'ls_request_events.data', 'ls_request_events.actor_name'])
      .where('ls_requests.number', '=', requestNumber as never)
      .execute();
    expect(events).toContainEqual({
      type: 'article_linked',
      data: { articleKey: 'adgangskort', title: 'Adgangskort: bestille, sperre eller endre' },
      actor_name: 'Agent Anne',
    });

    const again = await call(leader, 'POST', `/requests/${requestNumber}/articles`, { articleKey: 'adgangskort' });
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toMatch(/allerede knyttet/);
    const mine = await call(leader, 'GET', `/requests/${requestNumber}/articles`);
    expect((mine.body as { articles: { key: string }[] }).articles.map((a) => a.key)).toEqual(['adgangskort']);
  });

  it('refuses a request the user may not read, an unknown request and an article they cannot see', async () => {
    expect((await call(otherLeader, 'POST', `/requests/${requestNumber}/articles`, { articleKey: 'glemt-passord' })).status).toBe(403);
    expect((await call(agent, 'POST', '/requests/LS-999999/articles', { articleKey: 'glemt-passord' })).status).toBe(404);
    const hidden = await call(leader, 'POST', `/requests/${requestNumber}/articles`, { articleKey: 'intern-rutine-for-passord' });
    expect(hidden.status).toBe(404);
  });

  it('removes a link, with an event', async () => {
    const removed = await call(agent, 'DELETE', `/requests/${requestNumber}/articles/adgangskort`);
    expect(removed.status).toBe(200);
    expect((removed.body as { articles: unknown[] }).articles).toEqual([]);
    expect((await call(agent, 'DELETE', `/requests/${requestNumber}/articles/adgangskort`)).status).toBe(404);
  });
});
