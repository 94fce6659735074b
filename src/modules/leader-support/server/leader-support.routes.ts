import { Type } from 'typebox';
import { can, withRawBody, writeContext, type App, type ModuleContext, type WriteContext } from '../../../kernel/index.js';
import {
  ApproveBody,
  AssignBody,
  AttachmentQuery,
  Catalogue,
  ChildBody,
  EscalateBody,
  IdParams,
  LinkBody,
  MessageBody,
  PriorityBody,
  QueueQuery,
  RequestDetail,
  RequestList,
  RequestParams,
  RequesterContext,
  RoutingPreview,
  RoutingPreviewQuery,
  SelfServiceBody,
  SubmitRequestBody,
  SurveyBody,
  TakeBody,
  ThirdLineBody,
  TimeBody,
  TransitionBody,
} from '../leader-support.schemas.js';
import { selectCatalogue, selectLeaders } from './catalogue.queries.js';
import type { LeaderSupportDb } from './leader-support.tables.js';
import { addAttachment, attachmentMaxBytes } from './requests/add-attachment.js';
import { addMessage } from './requests/add-message.js';
import { answerSurvey } from './requests/answer-survey.js';
import { approveMasterData } from './requests/approve-master-data.js';
import { changePriority } from './requests/change-priority.js';
import { closeBySelfService } from './requests/close-by-self-service.js';
import { escalateRequest } from './requests/escalate-request.js';
import { createChildRequest, linkRequests } from './requests/link-requests.js';
import { logTime } from './requests/log-time.js';
import { findRequestForActor, mayRead } from './requests/request-access.js';
import { requesterOn } from './requests/requester.js';
import { selectRequestDetail, selectRequestList } from './requests/requests.queries.js';
import { sendToThirdLine } from './requests/send-to-third-line.js';
import { forbidden, isUuid, notFound, todayInNorway, type RequestRow } from './requests/shared.js';
import { submitRequest } from './requests/submit-request.js';
import { assignRequest, takeRequest } from './requests/take-request.js';
import { transitionRequest } from './requests/transition-request.js';
import { chooseGroup } from './routing/choose-group.js';
import { selectRoutingRules } from './settings/settings.queries.js';

const tags = ['leader-support'];
const base = '/api/leader-support';
const Done = Type.Object({ id: Type.String() });

/** The one door in: the catalogue, requests and their life cycle, and where a request goes on escalation. */
export function registerRequestRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as LeaderSupportDb;
  const actorOf = (request: { actor: import('../../../kernel/index.js').Actor | null }) => request.actor!;

  app.get(
    `${base}/catalogue`,
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The request categories with their form fields, and the support groups', response: { 200: Catalogue } },
    },
    async () => selectCatalogue(db),
  );

  app.get(
    `${base}/me`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Where the signed-in user sits today (unit, level, sector) as the organisation says, and their support groups',
        response: { 200: RequesterContext },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const date = todayInNorway();
      const [requester, groups] = await Promise.all([
        requesterOn(db, actor.userId, date),
        db
          .selectFrom('ls_group_members as m')
          .innerJoin('ls_groups as g', 'g.id', 'm.group_id')
          .select(['g.id', 'g.name', 'g.line'])
          .where('m.user_id', '=', actor.userId)
          .orderBy('g.line')
          .orderBy('g.name')
          .execute(),
      ]);
      return { date, ...requester, groups };
    },
  );

  app.get(
    `${base}/leaders`,
    {
      config: { access: 'leader_support:handle' },
      schema: {
        tags,
        summary: 'Sign-ins to register a request for (first line, e.g. on the phone), with their unit today',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: {
          200: Type.Object({
            users: Type.Array(
              Type.Object({ userId: Type.String(), displayName: Type.String(), unitName: Type.Union([Type.String(), Type.Null()]) }),
            ),
          }),
        },
      },
    },
    async (request) => ({ users: await selectLeaders(db, request.query.q ?? '', todayInNorway()) }),
  );

  app.post(
    `${base}/requests`,
    {
      config: { access: 'leader_support:submit' },
      schema: {
        tags,
        summary: 'Submit a request (or register one for a leader: first line)',
        body: SubmitRequestBody,
        response: { 201: RequestDetail },
      },
    },
    async (request, reply) => {
      const { id } = await submitRequest(db, writeContext(request), request.body);
      return reply.code(201).send(await selectRequestDetail(db, actorOf(request), id));
    },
  );

  app.get(
    `${base}/requests`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My requests, my units’ requests (leaders) or the desk’s queue (agents), filtered and paged',
        querystring: QueueQuery,
        response: { 200: RequestList },
      },
    },
    async (request) => selectRequestList(db, actorOf(request), request.query),
  );

  app.get(
    `${base}/requests/:ref`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One request: conversation, attachments, history, time and what the user may do',
        params: RequestParams,
        response: { 200: RequestDetail },
      },
    },
    async (request) => {
      const row = await findRequestForActor(db, actorOf(request), request.params.ref);
      return selectRequestDetail(db, actorOf(request), row.id);
    },
  );

  // Every change to one request: find it (and check the reader may see it), run the command, answer with the request as it now is.
  const change = <B>(
    path: string,
    access: 'authenticated' | 'leader_support:handle',
    summary: string,
    body: import('typebox').TSchema,
    command: (db: LeaderSupportDb, context: WriteContext, row: RequestRow, body: B) => Promise<unknown>,
  ) =>
    app.post(
      `${base}/requests/:ref/${path}`,
      { config: { access }, schema: { tags, summary, params: RequestParams, body, response: { 200: RequestDetail } } },
      async (request) => {
        const actor = actorOf(request);
        const row = await findRequestForActor(db, actor, (request.params as { ref: string }).ref);
        await command(db, writeContext(request), row, request.body as B);
        return selectRequestDetail(db, actor, row.id);
      },
    );

  const agents = 'leader_support:handle';
  const signedIn = 'authenticated';
  change('take', agents, 'Take the request (exactly one of two agents at once wins)', TakeBody, takeRequest);
  change('assign', agents, 'Give the request to an agent of its group', AssignBody, assignRequest);
  change('priority', agents, 'Change the priority', PriorityBody, changePriority);
  change('messages', signedIn, 'A public reply or an internal note (agents)', MessageBody, addMessage);
  change(
    'transition',
    signedIn,
    'Start, wait for the requester, resume, resolve, close, reopen or delete',
    TransitionBody,
    transitionRequest,
  );
  change('escalate', agents, 'To the second line, by the routing rules; a reason is required', EscalateBody, escalateRequest);
  change('third-line', agents, 'From the second line to the third, internal or external', ThirdLineBody, sendToThirdLine);
  change('self-service', signedIn, 'The requester closes it: a knowledge-base article solved it', SelfServiceBody, closeBySelfService);
  change('links', agents, 'Link a related request', LinkBody, linkRequests);
  change('children', agents, 'A child request for another group (team work)', ChildBody, createChildRequest);
  change('time', agents, 'Log time (the cost to the ordering unit)', TimeBody, logTime);
  change('survey', signedIn, 'The requester’s satisfaction after resolution, 1–5', SurveyBody, answerSurvey);
  change('approve', agents, 'First line: approve a master-data request; the organisation is changed', ApproveBody, approveMasterData);

  // Attachments arrive as the raw body; the parser lives in its own plugin scope, so the rest of the
  // API still reads only JSON bodies of the usual size.
  withRawBody(app, attachmentMaxBytes, (scope) => {
    scope.post(
      `${base}/requests/:ref/attachments`,
      {
        config: { access: 'authenticated' },
        bodyLimit: attachmentMaxBytes,
        schema: {
          tags,
          summary:
            'Attach a file (raw body, at most 10 MB; PDF, images, text, Office and OpenDocument files whose content matches their name)',
          params: RequestParams,
          querystring: AttachmentQuery,
          response: { 201: Done },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await findRequestForActor(db, actor, request.params.ref);
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await addAttachment(db, writeContext(request), row, {
          fileName: request.query.fileName,
          content,
          visibility: request.query.visibility ?? 'public',
        });
        return reply.code(201).send(result);
      },
    );
  });

  app.get(
    `${base}/attachments/:id`,
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Download an attachment (always as a download, never shown inline)', params: IdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const attachment = isUuid(request.params.id)
        ? await db
            .selectFrom('ls_attachments as t')
            .innerJoin('ls_requests as r', 'r.id', 't.request_id')
            .select(['t.file_name', 't.content', 't.visibility', 'r.requester_user_id', 'r.registered_by_user_id', 'r.unit_id'])
            .where('t.id', '=', request.params.id)
            .executeTakeFirst()
        : undefined;
      if (!attachment) throw notFound('Fant ikke vedlegget.', 'The attachment was not found.');
      const allowed =
        (await mayRead(db, actor, attachment)) && (attachment.visibility === 'public' || (await can(actor, 'leader_support:handle')));
      if (!allowed) throw forbidden('Du har ikke tilgang til vedlegget.', 'You do not have access to the attachment.');
      const ascii = attachment.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(attachment.content);
    },
  );

  app.get(
    `${base}/routing/preview`,
    {
      config: { access: 'leader_support:handle' },
      schema: {
        tags,
        summary: 'Which second-line group a request in this category from this unit goes to today, and by which rule',
        querystring: RoutingPreviewQuery,
        response: { 200: RoutingPreview },
      },
    },
    async (request) => {
      const choice = await chooseGroup(db, request.query.categoryId, request.query.unitId, todayInNorway());
      if (!choice.rule) return { group: null, rule: null, chain: choice.chain };
      const [rule] = await selectRoutingRules(db, todayInNorway(), choice.rule.id);
      return { group: choice.group, rule: rule ?? null, chain: choice.chain };
    },
  );
}
