import { writeContext, type App } from '../../../kernel/index.js';
import { AsOfQuery } from '../organisation.schemas.js';
import {
  CreateLevelExceptionBody,
  EndLevelExceptionBody,
  LevelException,
  LevelExceptionParams,
  LevelExceptions,
  RuleSetting,
  RuleSettingParams,
  RuleSettings,
  RulesReport,
  UpdateRuleSettingBody,
} from '../rules.schemas.js';
import { addLevelException } from './add-rule-level-exception.js';
import { endLevelException } from './end-rule-level-exception.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { checkRulesAccepted, summariseFindings } from './rules.js';
import { selectLevelExceptions, selectRuleSettings } from './rules.queries.js';
import { loadSnapshot } from './snapshot.js';
import { updateRuleSetting } from './update-rule-setting.js';

const tags = ['organisation'];

export function registerRulesRoutes(app: App, db: OrganisationDb): void {
  app.get(
    '/api/organisation/rules',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'The organisation rules checked as of a date (default today): findings with the entries they concern',
        querystring: AsOfQuery,
        response: { 200: RulesReport },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const { findings, accepted } = checkRulesAccepted(await loadSnapshot(db, date));
      return { date, findings, accepted, summary: summariseFindings(findings) };
    },
  );

  app.get(
    '/api/organisation/rule-settings',
    {
      config: { access: 'organisation:read' },
      schema: { tags, summary: 'The span-of-control threshold per leader role type', response: { 200: RuleSettings } },
    },
    async () => ({ settings: await selectRuleSettings(db) }),
  );

  app.put(
    '/api/organisation/rule-settings/:roleType',
    {
      config: { access: 'organisation:configure' },
      schema: {
        tags,
        summary: 'Change the span-of-control threshold for a leader role type (administrators)',
        params: RuleSettingParams,
        body: UpdateRuleSettingBody,
        response: { 200: RuleSetting },
      },
    },
    async (request) => updateRuleSetting(db, request.params.roleType, request.body, writeContext(request)),
  );

  app.get(
    '/api/organisation/level-exceptions',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'The rule exceptions in force on a date (default today), each marked stale when it excuses nothing that day',
        querystring: AsOfQuery,
        response: { 200: LevelExceptions },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const [exceptions, snapshot] = [await selectLevelExceptions(db, date), await loadSnapshot(db, date)];
      const stale = new Set(
        checkRulesAccepted(snapshot)
          .findings.filter((f) => f.rule === 'rule_exception_stale')
          .map((f) => f.details?.exceptionId),
      );
      return { date, exceptions: exceptions.map((e) => ({ ...e, stale: stale.has(e.id) })) };
    },
  );

  app.post(
    '/api/organisation/level-exceptions',
    {
      config: { access: 'organisation:configure' },
      schema: {
        tags,
        summary:
          'Record that a unit is excused from a rule a person judges (level, span of control, leader line), with the reason (administrators); refused when the unit follows the rule',
        body: CreateLevelExceptionBody,
        response: { 201: LevelException },
      },
    },
    async (request, reply) => {
      const created = await addLevelException(db, request.body, writeContext(request));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisation/level-exceptions/:id/end',
    {
      config: { access: 'organisation:configure' },
      schema: {
        tags,
        summary: 'End a level exception: validTo is the first day it no longer holds (administrators)',
        params: LevelExceptionParams,
        body: EndLevelExceptionBody,
        response: { 200: LevelException },
      },
    },
    async (request) => endLevelException(db, request.params.id, request.body.validTo, writeContext(request)),
  );
}
