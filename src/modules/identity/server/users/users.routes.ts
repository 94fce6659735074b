import { writeContext, type App, type ModuleContext } from '../../../../kernel/index.js';
import {
  DisableUserBody,
  EnableUserBody,
  Grant,
  GrantParams,
  GrantRoleBody,
  GroupMapping,
  GroupMappingBody,
  GroupMappingList,
  MappingParams,
  ReassignmentList,
  UserDetail,
  UserDetailQuery,
  UserList,
  UserParams,
  UserSearchQuery,
} from '../../users.schemas.js';
import { addGroupMapping } from './add-group-mapping.js';
import { disableUserFromPage } from './disable-user-from-page.js';
import { enableUserFromPage } from './enable-user-from-page.js';
import { grantRole } from './grant-role.js';
import { selectReassignments } from './reassignments.queries.js';
import { removeGroupMapping } from './remove-group-mapping.js';
import { revokeGrant } from './revoke-grant.js';
import { selectGroupMappings, searchUsers, selectUserDetail, type UsersDb } from './users.queries.js';

const tags = ['identity'];

/** User administration for administrators, the group → role mapping, and the reassignment list. */
export function registerUserAdminRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as UsersDb;

  app.get(
    '/api/identity/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary: 'Search users (username, name, e-mail, employee number), in Norwegian order',
        querystring: UserSearchQuery,
        response: { 200: UserList },
      },
    },
    async (request) => searchUsers(db, request.query),
  );

  app.get(
    '/api/identity/users/:id',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary:
          'A user: person and positions on a day (default today), every role then with its origin, manual grants, the last 50 sign-ins',
        params: UserParams,
        querystring: UserDetailQuery,
        response: { 200: UserDetail },
      },
    },
    async (request) => selectUserDetail(db, request.params.id, request.query.date),
  );

  app.post(
    '/api/identity/users/:id/grants',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Grant a role by hand, with a reason and an optional end date',
        params: UserParams,
        body: GrantRoleBody,
        response: { 201: Grant },
      },
    },
    async (request, reply) => {
      const grant = await db.transaction().execute((trx) => grantRole(trx, writeContext(request), request.params.id, request.body));
      return reply.status(201).send(grant);
    },
  );

  app.post(
    '/api/identity/users/:id/grants/:grantId/revoke',
    {
      config: { access: 'users:write' },
      schema: { tags, summary: 'End a manual grant today', params: GrantParams, response: { 200: Grant } },
    },
    async (request) =>
      db.transaction().execute((trx) => revokeGrant(trx, writeContext(request), request.params.id, request.params.grantId)),
  );

  app.post(
    '/api/identity/users/:id/disable',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Disable a user: sign-in refused, every session ended at once',
        params: UserParams,
        body: DisableUserBody,
        response: { 200: UserDetail },
      },
    },
    async (request) => {
      await db.transaction().execute((trx) => disableUserFromPage(trx, writeContext(request), request.params.id, request.body));
      return selectUserDetail(db, request.params.id);
    },
  );

  app.post(
    '/api/identity/users/:id/enable',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Let a disabled user sign in again',
        params: UserParams,
        body: EnableUserBody,
        response: { 200: UserDetail },
      },
    },
    async (request) => {
      await db.transaction().execute((trx) => enableUserFromPage(trx, writeContext(request), request.params.id, request.body));
      return selectUserDetail(db, request.params.id);
    },
  );

  app.get(
    '/api/identity/group-mappings',
    {
      config: { access: 'users:read' },
      schema: { tags, summary: 'Which provider groups give which roles', response: { 200: GroupMappingList } },
    },
    async () => ({ mappings: await selectGroupMappings(db) }),
  );

  app.post(
    '/api/identity/group-mappings',
    {
      config: { access: 'users:write' },
      schema: { tags, summary: 'Map a provider group to a role', body: GroupMappingBody, response: { 201: GroupMapping } },
    },
    async (request, reply) => {
      const mapping = await db.transaction().execute((trx) => addGroupMapping(trx, writeContext(request), request.body));
      return reply.status(201).send(mapping);
    },
  );

  app.delete(
    '/api/identity/group-mappings/:id',
    {
      config: { access: 'users:write' },
      schema: { tags, summary: 'Remove a group → role mapping', params: MappingParams, response: { 200: GroupMapping } },
    },
    async (request) => db.transaction().execute((trx) => removeGroupMapping(trx, writeContext(request), request.params.id)),
  );

  app.get(
    '/api/identity/reassignments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Disabled users who still own something: all for administrators, a leader’s own units’ for a leader, none for others',
        response: { 200: ReassignmentList },
      },
    },
    async (request) => ({ users: await selectReassignments(db, request.actor!) }),
  );
}
