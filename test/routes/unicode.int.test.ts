// Finding 11 of the hardening issue: ill-formed text was stored changed (a lone surrogate became
// U+FFFD) and direction controls were kept in names («faktura\u202Efdp.txt» reads «fakturatxt.pdf»).
// The kernel refuses both for every route, with a 400 in Norwegian and English, and stores nothing.
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../helpers/test-app.js';

const t = useTestApp();
const rlo = '\u202E';

async function areaCount(admin: SignedIn): Promise<number> {
  const response = await t.knutepunkt.app.inject({ url: '/api/steering/areas', headers: admin.headers });
  return (response.json() as { areas: unknown[] }).areas.length;
}

function postArea(admin: SignedIn, rawJson: string | Buffer, locale = 'nb') {
  return t.knutepunkt.app.inject({
    method: 'POST',
    url: '/api/steering/areas',
    headers: { ...admin.headers, 'content-type': 'application/json', 'accept-language': locale },
    payload: rawJson,
  });
}

describe('[ANY][UNICODE] ill-formed text and disguised names are refused, not stored changed', () => {
  it('refuses a lone surrogate sent as a JSON escape, in Norwegian and English, and stores nothing', async () => {
    const admin = await t.signInAs(['administrator']);
    const before = await areaCount(admin);
    const audits = await t.auditCount();

    const nb = await postArea(admin, '{"code":"P90","name":"Skole \\ud800 og barnehage"}');
    expect(nb.statusCode).toBe(400);
    expect(nb.json()).toMatchObject({
      error: { code: 'invalid', message: expect.stringMatching(/ugyldige tegn/), details: [{ in: 'body', path: 'name' }] },
    });
    const en = await postArea(admin, '{"code":"P90","name":"x","committee":"\\udc00"}', 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toMatch(/invalid characters/);
    // A field name is text too.
    expect((await postArea(admin, '{"code":"P90","name":"x","\\ud800":1}')).statusCode).toBe(400);

    expect(await areaCount(admin)).toBe(before);
    expect(await t.auditCount()).toBe(audits);
  });

  it('refuses a body whose bytes are not UTF-8 instead of reading U+FFFD into it', async () => {
    const admin = await t.signInAs(['administrator']);
    const before = await areaCount(admin);
    const body = Buffer.concat([Buffer.from('{"code":"P91","name":"Skole '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const response = await postArea(admin, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid', details: [{ in: 'body' }] });
    // A surrogate encoded as UTF-8 (ED A0 80) is not UTF-8 either.
    const encoded = Buffer.concat([Buffer.from('{"code":"P91","name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    expect((await postArea(admin, encoded)).statusCode).toBe(400);
    expect(await areaCount(admin)).toBe(before);
  });

  it('refuses ill-formed percent-encoding in query strings and path parameters', async () => {
    const admin = await t.signInAs(['administrator']);
    for (const url of [
      '/api/steering/decisions?q=%ED%A0%80',
      '/api/steering/decisions?q=abc%FF',
      '/api/steering/areas/%ED%A0%80',
      '/api/organisation/units?date=%C3',
    ]) {
      const response = await t.knutepunkt.app.inject({ url, headers: admin.headers });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.json().error.code, url).toMatch(/^(invalid|not_found)$/);
    }
  });

  it('refuses direction controls in a name', async () => {
    const admin = await t.signInAs(['administrator']);
    const before = await areaCount(admin);
    for (const control of [rlo, '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C']) {
      const response = await postArea(admin, JSON.stringify({ code: 'P92', name: `Skole${control}gdp` }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/retningstegn/) });
    }
    expect(await areaCount(admin)).toBe(before);
    // A name without them is taken as before.
    expect((await postArea(admin, JSON.stringify({ code: 'P92', name: 'Skole og barnehage' }))).statusCode).toBe(201);
  });

  it('refuses an attachment whose file name hides its real ending behind a right-to-left override', async () => {
    const leader = await t.signInAs(['administrator']);
    const created = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/leader-support/requests',
      headers: leader.headers,
      payload: { categoryKey: 'faktura', subject: 'Faktura', fields: { invoiceNumber: '123' } },
    });
    expect(created.statusCode).toBe(201);
    const number = (created.json() as { number: number }).number;
    const upload = (fileName: string) =>
      t.knutepunkt.app.inject({
        method: 'POST',
        url: `/api/leader-support/requests/${number}/attachments?fileName=${encodeURIComponent(fileName)}`,
        headers: { ...leader.headers, 'content-type': 'application/octet-stream', 'accept-language': 'en' },
        payload: Buffer.from('just text'),
      });
    const disguised = await upload(`faktura${rlo}fdp.txt`);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/direction characters/),
      details: [{ in: 'querystring', path: 'fileName' }],
    });
    expect((await upload('faktura.txt')).statusCode).toBe(201);
    const detail = await t.knutepunkt.app.inject({ url: `/api/leader-support/requests/${number}`, headers: leader.headers });
    expect((detail.json() as { attachments: { fileName: string }[] }).attachments.map((a) => a.fileName)).toEqual(['faktura.txt']);
  });
});

describe('[ORGANISATION_EDITOR][UNICODE][IMPORT] names inside an imported file follow the same rule', () => {
  it('reports a unit name with a direction control, and a lone surrogate from a JSON file, as problems', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const upload = (body: string, contentType: string, query: string) =>
      t.knutepunkt.app.inject({
        method: 'POST',
        url: `/api/organisation/imports?validFrom=2024-01-01${query}`,
        headers: { ...editor.headers, 'content-type': contentType, 'accept-language': 'nb' },
        payload: body,
      });
    const unitsCsv = (name: string) => `\uFEFFkey;name;kind;level;parentKey;classification\nny-enhet;${name};unit;4;dir-omsorg;service\n`;

    const disguised = await upload(unitsCsv(`Skole${rlo}fdp`), 'text/csv; charset=utf-8', '&entity=units&fileName=enheter.csv');
    expect(disguised.statusCode, disguised.body).toBe(201);
    const problems = (disguised.json() as { plan: { problems: { message: { nb: string } }[] } }).plan.problems;
    expect(problems.map((p) => p.message.nb)).toEqual([expect.stringMatching(/«name».*retningstegn/)]);
    // The same name without the control is fine.
    const plain = await upload(unitsCsv('Skole fdp'), 'text/csv; charset=utf-8', '&entity=units&fileName=enheter.csv');
    expect((plain.json() as { plan: { problems: unknown[] } }).plan.problems).toEqual([]);

    const json = JSON.stringify({
      format: 'knutepunkt-organisation',
      version: 1,
      units: [{ key: 'ny-enhet', name: 'x', kind: 'unit', level: 4, parentKey: 'dir-omsorg', classification: 'service' }],
    }).replace('"name":"x"', '"name":"Skole \\ud800"');
    const surrogate = await upload(json, 'application/json', '&fileName=org.json');
    expect(surrogate.statusCode, surrogate.body).toBe(201);
    const jsonProblems = (surrogate.json() as { plan: { problems: { message: { nb: string } }[] } }).plan.problems;
    expect(jsonProblems.map((p) => p.message.nb)).toEqual([expect.stringMatching(/«name».*ugyldige tegn/)]);
  });
});
