// SCIM 2.0 (RFC 7643/7644) at /scim/v2, for Entra ID's provisioning service and other SCIM clients.
// One encapsulated plugin: its own content type (application/scim+json), its own bearer-token
// check, and its own error handler, so nothing here ever answers in the kernel's error shape.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, ModuleContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { changeScimGroup } from './change-scim-group.js';
import { changeScimUser } from './change-scim-user.js';
import { createScimGroup } from './create-scim-group.js';
import { createScimUser } from './create-scim-user.js';
import { deleteScimGroup } from './delete-scim-group.js';
import { deleteScimUser } from './delete-scim-user.js';
import { scimWriteContext } from './scim-context.js';
import { listResponse, maxResults, resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.js';
import { ScimError, invalidValue, notFound, sendScimError } from './scim-error.js';
import { parseFilter } from './scim-filter.js';
import { applyGroupPatch, groupFilterCondition, parseGroupResource, renderGroup, type ScimGroupRow } from './scim-group.js';
import { applyUserPatch, etagOf, parsePatchBody, parseUserResource, renderUser, userFilterCondition } from './scim-user.js';
import { findScimGroup, findScimUser, listScimGroups, listScimUsers, selectGroupMembers } from './scim.queries.js';

export const scimPrefix = '/scim/v2';
const tags = ['scim'];
const scimJson = 'application/scim+json; charset=utf-8';
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

const IdParams = Type.Object({ id: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
// Query values are read by hand (listQuery) so that bad ones get SCIM's error, not the kernel's. Other
// parameters pass: Entra ID adds its own (the ?aadOptscim062020 feature flag) to the tenant URL.
const ListQuery = Type.Object(
  {
    filter: Type.Optional(Type.String({ description: 'RFC 7644 §3.4.2.2 filter: eq, joined by and/or' })),
    startIndex: Type.Optional(Type.String({ description: '1-based index of the first result' })),
    count: Type.Optional(Type.String({ description: `Results a page, at most ${maxResults}` })),
    attributes: Type.Optional(Type.String()),
    excludedAttributes: Type.Optional(Type.String({ description: '"members" leaves out group members' })),
  },
  { additionalProperties: true },
);
const ResourceQuery = Type.Object(
  { excludedAttributes: Type.Optional(Type.String()), attributes: Type.Optional(Type.String()) },
  { additionalProperties: true },
);
// SCIM attribute names are case-insensitive (RFC 7643 §2.1) and extensions are keyed by URN, so a
// body is checked by the resource's own parser (scim-user.ts, scim-group.ts), not by a fixed schema.
const ResourceBody = Type.Object(
  {},
  { additionalProperties: true, description: 'A SCIM resource (RFC 7643) or a PatchOp (RFC 7644 §3.5.2)' },
);

function sameSecret(sent: string, expected: string): boolean {
  // Hashing first gives both sides one length, so the comparison leaks neither the token nor its length.
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function unauthorised(nb: string, en: string): ScimError {
  return new ScimError(401, undefined, { nb, en });
}

function readInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^-?\d{1,9}$/.test(value.trim())) throw invalidValue(`«${name}» må være et heltall.`, `"${name}" must be an integer.`);
  return Number(value.trim());
}

function listQuery(query: { filter?: string; startIndex?: string; count?: string }) {
  const startIndex = Math.max(1, readInteger(query.startIndex, 'startIndex') ?? 1);
  const count = Math.min(maxResults, Math.max(0, readInteger(query.count, 'count') ?? 100));
  const filter = query.filter !== undefined && query.filter.trim() !== '' ? parseFilter(query.filter) : null;
  return { startIndex, count, filter };
}

function wantsMembers(query: { attributes?: string; excludedAttributes?: string }): boolean {
  const names = (text: string | undefined) => (text ?? '').split(',').map((n) => n.trim().toLowerCase());
  if (names(query.excludedAttributes).includes('members')) return false;
  if (query.attributes && !names(query.attributes).some((n) => n === 'members' || n.startsWith('members.'))) return false;
  return true;
}

/** SCIM's media type unless the client asked only for plain JSON. */
function send(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown, etag?: string): FastifyReply {
  const accept = request.headers.accept ?? '';
  const plain = accept.includes('application/json') && !accept.includes('application/scim+json') && !accept.includes('*/*');
  if (etag) reply.header('etag', etag);
  return reply
    .code(status)
    .type(plain ? 'application/json; charset=utf-8' : scimJson)
    .send(body);
}

function ifMatch(request: FastifyRequest): string | undefined {
  const value = request.headers['if-match'];
  return typeof value === 'string' ? value : undefined;
}

/** Registers /scim/v2. Closed (every request a 401 saying why) until SCIM_TOKEN is set. */
export async function registerScimRoutes(app: App, { database, config }: ModuleContext): Promise<void> {
  const db = database.db as unknown as IdentityDb;
  const baseUrl = `${config.publicUrl.replace(/\/+$/, '')}${scimPrefix}`;
  const token = config.scimToken;

  await app.register(
    async (scim: App) => {
      scim.setErrorHandler((error, request, reply) => sendScimError(request, reply, error));
      const jsonParser = scim.getDefaultJsonParser('error', 'error');
      scim.addContentTypeParser('application/scim+json', { parseAs: 'buffer' }, (request, body, done) => {
        const bytes = body as Buffer;
        try {
          fatalUtf8.decode(bytes);
        } catch {
          done(
            new ScimError(400, 'invalidSyntax', { nb: 'Forespørselen er ikke gyldig UTF-8.', en: 'The request body is not valid UTF-8.' }),
            undefined,
          );
          return;
        }
        jsonParser(request, bytes.toString('utf8'), done);
      });

      scim.addHook('onRequest', async (request) => {
        if (!token) {
          throw unauthorised(
            'SCIM er ikke slått på: SCIM_TOKEN er ikke satt på serveren. Sett SCIM_TOKEN (minst 32 tegn) og start på nytt.',
            'SCIM is not enabled: SCIM_TOKEN is not set on the server. Set SCIM_TOKEN (at least 32 characters) and restart.',
          );
        }
        const header = request.headers.authorization;
        const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
        if (!match) throw unauthorised('Mangler «Authorization: Bearer <token>».', 'Missing "Authorization: Bearer <token>".');
        if (!sameSecret(match[1]!, token)) throw unauthorised('Ugyldig token.', 'Invalid token.');
      });

      // Bearer token only, no cookie: nothing for CSRF to protect. The token check above is the access rule.
      const access = { access: 'public' as const, csrf: false };

      scim.get(
        '/ServiceProviderConfig',
        { config: access, schema: { tags, summary: 'SCIM: what this endpoint supports' } },
        async (request, reply) => send(request, reply, 200, serviceProviderConfig(baseUrl)),
      );
      scim.get('/ResourceTypes', { config: access, schema: { tags, summary: 'SCIM: resource types' } }, async (request, reply) => {
        const types = resourceTypes(baseUrl);
        return send(request, reply, 200, listResponse(types, types.length, 1));
      });
      scim.get(
        '/ResourceTypes/:id',
        { config: access, schema: { tags, summary: 'SCIM: one resource type', params: IdParams } },
        async (request, reply) => {
          const found = resourceTypes(baseUrl).find((t) => t.id === request.params.id);
          if (!found) throw new ScimError(404, undefined, { nb: 'Ukjent ressurstype.', en: 'Unknown resource type.' });
          return send(request, reply, 200, found);
        },
      );
      scim.get('/Schemas', { config: access, schema: { tags, summary: 'SCIM: schemas' } }, async (request, reply) => {
        const all = schemas(baseUrl);
        return send(request, reply, 200, listResponse(all, all.length, 1));
      });
      scim.get(
        '/Schemas/:id',
        { config: access, schema: { tags, summary: 'SCIM: one schema', params: IdParams } },
        async (request, reply) => {
          const found = schemas(baseUrl).find((s) => String(s.id).toLowerCase() === request.params.id.toLowerCase());
          if (!found) throw new ScimError(404, undefined, { nb: 'Ukjent skjema.', en: 'Unknown schema.' });
          return send(request, reply, 200, found);
        },
      );

      // Users
      scim.get(
        '/Users',
        { config: access, schema: { tags, summary: 'SCIM: list or filter users', querystring: ListQuery } },
        async (request, reply) => {
          const { startIndex, count, filter } = listQuery(request.query);
          const page = await listScimUsers(db, filter ? userFilterCondition(filter) : null, { offset: startIndex - 1, limit: count });
          return send(
            request,
            reply,
            200,
            listResponse(
              page.rows.map((row) => renderUser(row, baseUrl)),
              page.total,
              startIndex,
            ),
          );
        },
      );
      scim.get(
        '/Users/:id',
        { config: access, schema: { tags, summary: 'SCIM: one user', params: IdParams, querystring: ResourceQuery } },
        async (request, reply) => {
          const row = await findScimUser(db, request.params.id);
          if (!row) throw notFound('User', request.params.id);
          return send(request, reply, 200, renderUser(row, baseUrl), etagOf(row.version));
        },
      );
      scim.post(
        '/Users',
        { config: access, schema: { tags, summary: 'SCIM: create a user', body: ResourceBody } },
        async (request, reply) => {
          const state = parseUserResource(request.body);
          const row = await db.transaction().execute((trx) => createScimUser(trx, scimWriteContext(request.id), state));
          reply.header('location', `${baseUrl}/Users/${row.id}`);
          return send(request, reply, 201, renderUser(row, baseUrl), etagOf(row.version));
        },
      );
      scim.put(
        '/Users/:id',
        { config: access, schema: { tags, summary: 'SCIM: replace a user', params: IdParams, body: ResourceBody } },
        async (request, reply) => {
          const state = parseUserResource(request.body);
          const row = await db
            .transaction()
            .execute((trx) =>
              changeScimUser(trx, scimWriteContext(request.id), { id: request.params.id, ifMatch: ifMatch(request), change: () => state }),
            );
          return send(request, reply, 200, renderUser(row, baseUrl), etagOf(row.version));
        },
      );
      scim.patch(
        '/Users/:id',
        { config: access, schema: { tags, summary: 'SCIM: change a user (PatchOp)', params: IdParams, body: ResourceBody } },
        async (request, reply) => {
          const operations = parsePatchBody(request.body);
          const row = await db.transaction().execute((trx) =>
            changeScimUser(trx, scimWriteContext(request.id), {
              id: request.params.id,
              ifMatch: ifMatch(request),
              change: (current) => applyUserPatch(current, operations),
            }),
          );
          return send(request, reply, 200, renderUser(row, baseUrl), etagOf(row.version));
        },
      );
      scim.delete(
        '/Users/:id',
        { config: access, schema: { tags, summary: 'SCIM: delete (deactivate) a user', params: IdParams } },
        async (request, reply) => {
          await db
            .transaction()
            .execute((trx) => deleteScimUser(trx, scimWriteContext(request.id), { id: request.params.id, ifMatch: ifMatch(request) }));
          return reply.code(204).send();
        },
      );

      // Groups
      const renderGroups = async (rows: ScimGroupRow[], withMembers: boolean) => {
        const members = withMembers
          ? await selectGroupMembers(
              db,
              rows.map((r) => r.id),
            )
          : null;
        return rows.map((row) => renderGroup(row, members ? (members.get(row.id) ?? []) : null, baseUrl));
      };
      scim.get(
        '/Groups',
        { config: access, schema: { tags, summary: 'SCIM: list or filter groups', querystring: ListQuery } },
        async (request, reply) => {
          const { startIndex, count, filter } = listQuery(request.query);
          const page = await listScimGroups(db, filter ? groupFilterCondition(filter) : null, { offset: startIndex - 1, limit: count });
          return send(
            request,
            reply,
            200,
            listResponse(await renderGroups(page.rows, wantsMembers(request.query)), page.total, startIndex),
          );
        },
      );
      scim.get(
        '/Groups/:id',
        { config: access, schema: { tags, summary: 'SCIM: one group', params: IdParams, querystring: ResourceQuery } },
        async (request, reply) => {
          const row = await findScimGroup(db, request.params.id);
          if (!row) throw notFound('Group', request.params.id);
          const [group] = await renderGroups([row], wantsMembers(request.query));
          return send(request, reply, 200, group, etagOf(row.version));
        },
      );
      scim.post(
        '/Groups',
        { config: access, schema: { tags, summary: 'SCIM: create a group', body: ResourceBody } },
        async (request, reply) => {
          const state = parseGroupResource(request.body);
          const row = await db.transaction().execute((trx) => createScimGroup(trx, scimWriteContext(request.id), state));
          const [group] = await renderGroups([row], true);
          reply.header('location', `${baseUrl}/Groups/${row.id}`);
          return send(request, reply, 201, group, etagOf(row.version));
        },
      );
      scim.put(
        '/Groups/:id',
        { config: access, schema: { tags, summary: 'SCIM: replace a group', params: IdParams, body: ResourceBody } },
        async (request, reply) => {
          const state = parseGroupResource(request.body);
          const row = await db
            .transaction()
            .execute((trx) =>
              changeScimGroup(trx, scimWriteContext(request.id), { id: request.params.id, ifMatch: ifMatch(request), change: () => state }),
            );
          const [group] = await renderGroups([row], true);
          return send(request, reply, 200, group, etagOf(row.version));
        },
      );
      scim.patch(
        '/Groups/:id',
        { config: access, schema: { tags, summary: 'SCIM: change a group (PatchOp)', params: IdParams, body: ResourceBody } },
        async (request, reply) => {
          const operations = parsePatchBody(request.body);
          const id = request.params.id;
          await db.transaction().execute((trx) =>
            changeScimGroup(trx, scimWriteContext(request.id), {
              id,
              ifMatch: ifMatch(request),
              change: (current) => applyGroupPatch(current, id, operations),
            }),
          );
          // Entra ID sends member changes in batches and needs no body back; RFC 7644 §3.5.2 allows 204.
          return reply.code(204).send();
        },
      );
      scim.delete(
        '/Groups/:id',
        { config: access, schema: { tags, summary: 'SCIM: delete a group', params: IdParams } },
        async (request, reply) => {
          await db
            .transaction()
            .execute((trx) => deleteScimGroup(trx, scimWriteContext(request.id), { id: request.params.id, ifMatch: ifMatch(request) }));
          return reply.code(204).send();
        },
      );

      // Anything else under /scim/v2 is a SCIM 404, not the web app's index page.
      scim.all('/*', { config: access, schema: { hide: true } }, async () => {
        throw new ScimError(404, undefined, { nb: 'Ukjent SCIM-adresse.', en: 'Unknown SCIM endpoint.' });
      });
    },
    { prefix: scimPrefix },
  );
}
