import { beforeAll, describe, expect, it } from 'vitest';
import { expectOutsideEditorArea, useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';

// Finding 10 of the hardening issue: a reporting line from a position inside an editor's area to
// one outside it was allowed. Both ends must now lie in the area, except the area's top leader's
// personnel line to the leader just above the area (editor-area.ts says why).

const t = useTestApp();
const day = '2024-01-01';

const inject = (user: SignedIn, method: 'POST' | 'PUT', url: string, payload: unknown) =>
  t.knutepunkt.app.inject({ method, url, headers: { ...user.headers, 'accept-language': 'nb' }, payload: payload as object });

const positionOf = async (key: string) =>
  (
    (await t.database.db
      .selectFrom('org_positions' as never)
      .select('id' as never)
      .where('key' as never, '=', key as never)
      .executeTakeFirstOrThrow()) as { id: string }
  ).id;

const lineBetween = async (from: string, to: string) =>
  (await t.database.db
    .selectFrom('org_reporting_lines' as never)
    .select(['id' as never, 'revision' as never])
    .where('from_position_id' as never, '=', from as never)
    .where('to_position_id' as never, '=', to as never)
    .executeTakeFirstOrThrow()) as { id: string; revision: number };

let editor: SignedIn;

beforeAll(async () => {
  const admin = await t.signInAs(['administrator']);
  editor = await t.signInAs(['organisation_editor']);
  const schoolArea = (
    (await t.database.db
      .selectFrom('org_units' as never)
      .select('id' as never)
      .where('key' as never, '=', 'omrade-skole' as never)
      .executeTakeFirstOrThrow()) as { id: string }
  ).id;
  const set = await inject(admin, 'PUT', `/api/organisation/editor-areas/${editor.userId}`, { unitIds: [schoolArea] });
  expect(set.statusCode).toBe(200);
});

/** A write that must be refused with 403 naming «Skole», auditing and changing nothing. */
async function expectOutsideArea(url: string, payload: unknown) {
  return expectOutsideEditorArea(t, 'Skole', () => inject(editor, 'POST', url, payload));
}

describe('[ORGANISATION_EDITOR][EDITOR_AREA][LINES]', () => {
  it('refuses a line from a school position to a position outside «Skole», and ending one', async () => {
    const error = await expectOutsideArea('/api/organisation/lines', {
      type: 'professional',
      fromPositionId: await positionOf('leder-skole-aronslokka'),
      toPositionId: await positionOf('direktor-utvikling-og-digitalisering'),
      validFrom: day,
    });
    expect(error.message).toContain('rapporteringslinje');
    // The dataset's professional line from the school area's digital agent out of the area.
    const out = await lineBetween(await positionOf('digital-agent-skole'), await positionOf('direktor-utvikling-og-digitalisering'));
    await expectOutsideArea(`/api/organisation/lines/${out.id}/end`, { revision: out.revision, validTo: day });
  });

  it('refuses a personnel line out of the area unless it is the area leader’s to the leader just above', async () => {
    const schoolLeader = await positionOf('leder-skole-aronslokka');
    // A school's leader is not the area's top leader: its line to the director skips a level.
    await expectOutsideArea('/api/organisation/lines', {
      type: 'personnel',
      fromPositionId: schoolLeader,
      toPositionId: await positionOf('direktor-utdanning'),
      validFrom: '2025-01-01',
    });
    // The area's top leader to a director who is not the one just above it.
    await expectOutsideArea('/api/organisation/lines', {
      type: 'personnel',
      fromPositionId: await positionOf('kommunalsjef-skole'),
      toPositionId: await positionOf('direktor-omsorg'),
      validFrom: '2025-01-01',
    });
    // Nor a professional line from the top leader to the director above.
    await expectOutsideArea('/api/organisation/lines', {
      type: 'professional',
      fromPositionId: await positionOf('kommunalsjef-skole'),
      toPositionId: await positionOf('direktor-utdanning'),
      validFrom: '2025-01-01',
    });
  });

  it('lets the editor do the area’s own work: lines inside it, and the top leader’s line to the director above', async () => {
    const head = await positionOf('kommunalsjef-skole');
    const director = await positionOf('direktor-utdanning');
    const upwards = await lineBetween(head, director);
    const ended = await inject(editor, 'POST', `/api/organisation/lines/${upwards.id}/end`, { revision: upwards.revision, validTo: day });
    expect(ended.statusCode, ended.body).toBe(200);
    const again = await inject(editor, 'POST', '/api/organisation/lines', {
      type: 'personnel',
      fromPositionId: head,
      toPositionId: director,
      validFrom: day,
    });
    expect(again.statusCode, again.body).toBe(201);

    const inside = await inject(editor, 'POST', '/api/organisation/lines', {
      type: 'coordination',
      fromPositionId: await positionOf('digital-agent-skole'),
      toPositionId: await positionOf('leder-skole-aronslokka'),
      validFrom: day,
    });
    expect(inside.statusCode, inside.body).toBe(201);
    const { id, revision } = inside.json() as { id: string; revision: number };
    const endInside = await inject(editor, 'POST', `/api/organisation/lines/${id}/end`, { revision, validTo: '2025-01-01' });
    expect(endInside.statusCode, endInside.body).toBe(200);
  });

  it('refuses an import of a change outside the area with 403, even when an unlimited editor checked it', async () => {
    const admin = await t.signInAs(['organisation_editor']);
    const upload = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/organisation/imports?entity=units&fileName=omsorg.csv',
      headers: { ...admin.headers, 'content-type': 'text/csv; charset=utf-8' },
      payload: 'key;name\nomsorg-hjemmetjenester-bragernes;Hjemmetjenester Bragernes (importert)\n',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const view = upload.json() as { id: string; revision: number; canApply: boolean };
    expect(view.canApply).toBe(true);
    const error = await expectOutsideArea(`/api/organisation/imports/${view.id}/apply`, { revision: view.revision });
    expect(error.message).toContain('Ingenting er endret');
  });
});
