import { writeContext, type App, type ModuleContext, type WriteContext } from '../../../../kernel/index.js';
import {
  ChangeRoutingRuleBody,
  ChangeSettingsBody,
  CreateRoutingRuleBody,
  DeleteRoutingRuleQuery,
  Group,
  GroupMembersBody,
  IdParams,
  PutSlaPolicyBody,
  RoutingRule,
  RoutingRuleList,
  Settings,
  SlaPolicy,
  SlaPolicyList,
} from '../../leader-support.schemas.js';
import { GroupList, RevisionQuery } from '../../settings.schemas.js';
import { forgetDeskConfig } from '../requests/desk-config.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { changeRoutingRule } from './change-routing-rule.js';
import { changeSettings } from './change-settings.js';
import { createRoutingRule } from './create-routing-rule.js';
import { deleteRoutingRule } from './delete-routing-rule.js';
import { deleteSlaPolicy } from './delete-sla-policy.js';
import { putSlaPolicy } from './put-sla-policy.js';
import { setGroupMembers } from './set-group-members.js';
import { selectGroups, selectRoutingRules, selectSettings, selectSlaPolicies } from './settings.queries.js';
import { todayInNorway } from './shared.js';

const tags = ['leader-support'];
// Agents read the desk's settings (they work by them); only the desk administrator changes them.
const read = { access: 'leader_support:handle' as const };
const configure = { access: 'leader_support:configure' as const };

/** The desk administrator's settings: opening hours, rates, service levels, routing rules and groups. */
export function registerSettingsRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as LeaderSupportDb;
  // Each write is one transaction: the command checks, writes and audits, or nothing changes.
  // What new requests keep of the settings is forgotten after each change, so the next request uses it.
  const inTransaction = async <T>(context: WriteContext, run: (trx: LeaderSupportDb, context: WriteContext) => Promise<T>) => {
    const result = await db.transaction().execute((trx) => run(trx, context));
    forgetDeskConfig();
    return result;
  };

  app.get(
    '/api/leader-support/settings',
    { config: read, schema: { tags, summary: "The desk's opening hours, closed days, rates and targets", response: { 200: Settings } } },
    async () => selectSettings(db),
  );

  app.put(
    '/api/leader-support/settings',
    {
      config: configure,
      schema: {
        tags,
        summary: "Change the desk's settings (only the fields sent; send the revision you read)",
        body: ChangeSettingsBody,
        response: { 200: Settings },
      },
    },
    async (request) => inTransaction(writeContext(request), (trx, context) => changeSettings(trx, context, request.body)),
  );

  app.get(
    '/api/leader-support/sla-policies',
    {
      config: read,
      schema: { tags, summary: 'Service levels per category and priority, in business minutes', response: { 200: SlaPolicyList } },
    },
    async () => ({ policies: await selectSlaPolicies(db) }),
  );

  app.put(
    '/api/leader-support/sla-policies',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Set the service level of a category × priority (category null: the generic one); send the revision when changing',
        body: PutSlaPolicyBody,
        response: { 200: SlaPolicy, 201: SlaPolicy },
      },
    },
    async (request, reply) => {
      const { policy, created } = await inTransaction(writeContext(request), (trx, context) => putSlaPolicy(trx, context, request.body));
      return reply.code(created ? 201 : 200).send(policy);
    },
  );

  app.delete(
    '/api/leader-support/sla-policies/:id',
    {
      config: configure,
      schema: {
        tags,
        summary: "Remove a category's own service level (the generic ones stay)",
        params: IdParams,
        querystring: RevisionQuery,
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      await inTransaction(writeContext(request), (trx, context) =>
        deleteSlaPolicy(trx, context, request.params.id, request.query.revision),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/leader-support/routing-rules',
    {
      config: read,
      schema: { tags, summary: 'Routing rules: category × area → second-line group', response: { 200: RoutingRuleList } },
    },
    async () => ({ rules: await selectRoutingRules(db, todayInNorway()) }),
  );

  app.post(
    '/api/leader-support/routing-rules',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Add a routing rule (one per category × area)',
        body: CreateRoutingRuleBody,
        response: { 201: RoutingRule },
      },
    },
    async (request, reply) => {
      const rule = await inTransaction(writeContext(request), (trx, context) => createRoutingRule(trx, context, request.body));
      return reply.code(201).send(rule);
    },
  );

  app.put(
    '/api/leader-support/routing-rules/:id',
    {
      config: configure,
      schema: {
        tags,
        summary: "Change a routing rule's group or note (send the revision you read)",
        params: IdParams,
        body: ChangeRoutingRuleBody,
        response: { 200: RoutingRule },
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, context) => changeRoutingRule(trx, context, request.params.id, request.body)),
  );

  app.delete(
    '/api/leader-support/routing-rules/:id',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Remove a routing rule (send the revision you read)',
        params: IdParams,
        querystring: DeleteRoutingRuleQuery,
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      await inTransaction(writeContext(request), (trx, context) =>
        deleteRoutingRule(trx, context, request.params.id, request.query.revision),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/leader-support/groups',
    { config: read, schema: { tags, summary: 'The active groups of lines 1–3 with their members', response: { 200: GroupList } } },
    async () => ({ groups: await selectGroups(db, todayInNorway()) }),
  );

  app.put(
    '/api/leader-support/groups/:id/members',
    {
      config: configure,
      schema: {
        tags,
        summary: "Replace a group's members (agents or administrators; send the revision you read)",
        params: IdParams,
        body: GroupMembersBody,
        response: { 200: Group },
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, context) => setGroupMembers(trx, context, request.params.id, request.body)),
  );
}
