import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/test-app.js';
import type { SearchResult } from './places.schemas.js';

const t = useTestApp();

async function search(query: string): Promise<{ status: number; body: SearchResult & { error?: { code: string; message: string } } }> {
  const response = await t.knutepunkt.app.inject({ url: `/api/places/search?${query}` });
  return { status: response.statusCode, body: response.json() };
}
const names = (body: SearchResult) => body.results.map((r) => r.name);

describe('[CITIZEN][FIND_SERVICE] relevance in Norwegian', () => {
  it('finds a word in another inflection: «barnehagene» finds PPT, which is present in kindergartens (barnehager)', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('barnehagene')}&date=2020-01-01`);
    expect(status).toBe(200);
    expect(names(body)).toContain('Pedagogisk-psykologisk tjeneste (PPT)');
    expect(body.results.find((r) => r.name.startsWith('Pedagogisk'))!.match).toBe('text');
  });

  it('finds «helsestasjonen» (definite form) and ranks the health station first', async () => {
    const { body } = await search(`q=${encodeURIComponent('helsestasjonen')}&date=2020-01-01`);
    expect(names(body)[0]).toBe('Helsestasjon');
  });

  it('tolerates a typo: «helsestasjn» finds Helsestasjon by similarity', async () => {
    const { status, body } = await search(`q=helsestasjn&date=2020-01-01`);
    expect(status).toBe(200);
    expect(names(body)[0]).toBe('Helsestasjon');
    expect(body.results[0]!.match).toBe('similar');
  });

  it('handles æøå: «Økonomisk» and «åpent hus» find their services, also in lower and upper case', async () => {
    expect(names((await search(`q=${encodeURIComponent('økonomisk rådgivning')}`)).body)[0]).toBe('Økonomisk rådgivning og veiledning');
    expect(names((await search(`q=${encodeURIComponent('ÅPENT HUS')}`)).body)[0]).toBe('Åpent hus – lavterskel helsetilbud');
    expect(names((await search(`q=${encodeURIComponent('møteplass')}`)).body)).toContain('Møteplass i kommunedelen');
  });

  it('finds nothing for a word that is in no service, rather than everything', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('kvantefysikk')}`);
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
  });

  it('filters by district (services delivered there, plus those open to everyone) and by target group', async () => {
    const inDistrict3 = (await search(`q=servicetorg&district=3&date=2020-01-01`)).body;
    expect(names(inDistrict3)).not.toContain('Servicetorg (innbyggertorg)');
    const inDistrict2 = (await search(`q=servicetorg&district=2&date=2020-01-01`)).body;
    expect(names(inDistrict2)).toContain('Servicetorg (innbyggertorg)');
    expect(inDistrict2.results.find((r) => r.name.startsWith('Servicetorg'))!.districts).toEqual([1, 2]);
    const legevakt = (await search(`q=legevakt&district=7`)).body;
    expect(names(legevakt)).toContain('Legevakt');

    const forElderly = (await search(`q=${encodeURIComponent('hjemmebesøk')}&targetGroup=eldre`)).body;
    expect(names(forElderly)).toEqual(['Forebyggende hjemmebesøk hos eldre']);
    const forChildren = (await search(`q=${encodeURIComponent('hjemmebesøk')}&targetGroup=${encodeURIComponent('barn og unge')}`)).body;
    expect(forChildren.results).toEqual([]);
  });
});

describe('[CITIZEN][FIND_SERVICE] bad input', () => {
  it('refuses an empty or blank search with a message that says what to do', async () => {
    for (const query of ['', 'q=', `q=${encodeURIComponent('   ')}`, `q=${encodeURIComponent('\u0000\t')}`]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error!.message, query).toMatch(/Skriv inn hva du leter etter/);
    }
    const english = await t.knutepunkt.app.inject({ url: '/api/places/search?q=', headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toMatch(/Type what you are looking for/);
  });

  it('refuses a search longer than 200 characters', async () => {
    const { status, body } = await search(`q=${'a'.repeat(201)}`);
    expect(status).toBe(400);
    expect(body.error!.message).toMatch(/for langt/);
    expect((await search(`q=${'a'.repeat(200)}`)).status).toBe(200);
    expect((await search(`q=${'a'.repeat(20_000)}`)).status).toBe(400);
  });

  it('treats SQL and HTML as plain text: no injection, no 500, the catalogue unchanged', async () => {
    const before = await t.database.db
      .selectFrom('places_service_versions' as never)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const nasty = [
      "'; drop table places_service_versions; --",
      "helsestasjon' or '1'='1",
      '<script>alert("x")</script>',
      '<b>helsestasjon</b>',
      '!!! & | :* ( ) <-> \\',
      '%_%',
      '\u{1F600} 😀 \uFFFF',
      'helsestasjon\u0000',
    ];
    for (const q of nasty) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.q, q).not.toContain('\u0000');
    }
    // The text around the tags still matches: HTML is just characters.
    expect(names((await search(`q=${encodeURIComponent('<b>helsestasjon</b>')}`)).body)[0]).toBe('Helsestasjon');
    const after = await t.database.db
      .selectFrom('places_service_versions' as never)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('takes control characters in the target group as spaces, never a 500', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('hjemmebesøk')}&targetGroup=${encodeURIComponent('eldre\u0000')}`);
    expect(status).toBe(200);
    expect(names(body)).toEqual(['Forebyggende hjemmebesøk hos eldre']);
  });

  it('refuses unknown parameters and bad filters with 400', async () => {
    expect((await search('q=bibliotek&district=0')).status).toBe(400);
    expect((await search('q=bibliotek&district=x')).status).toBe(400);
    expect((await search('q=bibliotek&date=2020-13-01')).status).toBe(400);
    expect((await search('q=bibliotek&sql=1')).status).toBe(400);
  });
});
