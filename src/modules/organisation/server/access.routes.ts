import { writeContext, type App } from '../../../kernel/index.js';
import { EditorAreas, EditorAreasBody, LinkUserBody, MyOrganisation, UserIdParams, UserLink } from '../access.schemas.js';
import { AsOfQuery } from '../organisation.schemas.js';
import { selectEditorAreas, selectMyOrganisation } from './access.queries.js';
import { linkUser, setEditorAreas } from './commands/index.js';
import { notFound } from './commands/shared.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { isUuid } from './records.queries.js';

const tags = ['organisation'];

/** Who a sign-in is in the organisation, and the areas an organisation editor is limited to. */
export function registerAccessRoutes(app: App, db: OrganisationDb): void {
  app.get(
    '/api/organisation/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in user’s person, positions (with the units above each) and editor areas, as of a date (default today)',
        querystring: AsOfQuery,
        response: { 200: MyOrganisation },
      },
    },
    async (request) => selectMyOrganisation(db, request.actor!.userId, request.query.date ?? todayInNorway()),
  );

  app.put(
    '/api/organisation/user-links/:userId',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Link a sign-in to the person it is (personId null removes the link)',
        params: UserIdParams,
        body: LinkUserBody,
        response: { 200: UserLink },
      },
    },
    async (request) =>
      db.transaction().execute((trx) => linkUser(trx, writeContext(request), { ...request.body, userId: request.params.userId })),
  );

  app.get(
    '/api/organisation/editor-areas/:userId',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary: 'The areas an organisation editor is limited to (empty: not limited)',
        params: UserIdParams,
        response: { 200: EditorAreas },
      },
    },
    async (request) => {
      const user = isUuid(request.params.userId)
        ? await db.selectFrom('users').select(['id', 'username']).where('id', '=', request.params.userId).executeTakeFirst()
        : undefined;
      if (!user)
        throw notFound(`Fant ikke brukeren (id ${request.params.userId}).`, `The user was not found (id ${request.params.userId}).`);
      return { userId: user.id, username: user.username, units: await selectEditorAreas(db, user.id, todayInNorway()) };
    },
  );

  app.put(
    '/api/organisation/editor-areas/:userId',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Limit an organisation editor to units and what lies under them (an empty list lifts the limit)',
        params: UserIdParams,
        body: EditorAreasBody,
        response: { 200: EditorAreas },
      },
    },
    async (request) =>
      db.transaction().execute((trx) => setEditorAreas(trx, writeContext(request), { ...request.body, userId: request.params.userId })),
  );
}
