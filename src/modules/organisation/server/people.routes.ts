import { Type } from 'typebox';
import type { App } from '../../../kernel/index.js';
import { IdParams } from '../records.schemas.js';
import { PeopleSearchQuery, PeopleSearchResult, PersonCard, PhotoParams } from '../people.schemas.js';
import { AsOfQuery } from '../organisation.schemas.js';
import { notFound } from './commands/shared.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { searchPeople, selectPersonCard, selectPhoto } from './people.queries.js';

const tags = ['organisation'];

const PhotoQuery = Type.Object(
  { v: Type.Optional(Type.String({ maxLength: 64, description: 'The photo’s version, from the card or the search' })) },
  { additionalProperties: false },
);

/** People first: the person search, the person card and the photos the HR feed delivers. */
export function registerPeopleRoutes(app: App, db: OrganisationDb): void {
  app.get(
    '/api/organisation/people/search',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary:
          'People by name, employee number, position title or unit name as of a date (case, accents and typos forgiven), a page of 20',
        querystring: PeopleSearchQuery,
        response: { 200: PeopleSearchResult },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return searchPeople(db, request.query.q.trim(), date, request.query.page ?? 1);
    },
  );

  app.get(
    '/api/organisation/people/:id/card',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'A person card as of a date: positions with unit path and leaders, lines, sign-in, contact, photo and history',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PersonCard },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const card = await selectPersonCard(db, request.params.id, date, {
        userId: request.actor?.userId ?? null,
        mayReadUsers: request.actor?.permissions.has('users:read') ?? false,
      });
      if (!card) throw notFound(`Fant ikke personen (id ${request.params.id}).`, `The person was not found (id ${request.params.id}).`);
      return card;
    },
  );

  app.get(
    '/api/organisation/people/:id/photo',
    {
      config: { access: 'organisation:read' },
      schema: { tags, summary: 'A person’s photo from the HR feed (JPEG, PNG or WebP)', params: PhotoParams, querystring: PhotoQuery },
    },
    async (request, reply) => {
      const photo = await selectPhoto(db, request.params.id);
      if (!photo) throw notFound('Personen har ikke bilde.', 'The person has no photo.');
      const etag = `"${photo.sha256}"`;
      // Private: only signed-in readers may see it. An address with the current version never
      // changes (a new photo has a new version); without it, the browser asks again each time.
      const current = request.query.v !== undefined && photo.sha256.startsWith(request.query.v);
      reply
        .header('cache-control', current ? 'private, max-age=86400, immutable' : 'private, no-cache')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.header('content-type', photo.content_type).send(Buffer.from(photo.bytes));
    },
  );
}
