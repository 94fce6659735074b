import { Type, type Static, type TSchema } from 'typebox';

// Shared between server and web: the request catalogue, requests and their life cycle, the queue,
// routing rules, groups and the desk's service-level settings. The knowledge base, notifications,
// webhooks and figures have their own schema files beside this one.

export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Id = Type.String({ format: 'uuid' });
export const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
export const Localised = Type.Object({ nb: Type.String(), en: Type.String() });
export type Localised = Static<typeof Localised>;
const Timestamp = Type.String({ format: 'date-time' });

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = Type.Enum(priorities);
export type Priority = Static<typeof Priority>;
export const statuses = ['new', 'in_progress', 'waiting', 'resolved', 'closed', 'deleted'] as const;
export const Status = Type.Enum(statuses);
export type Status = Static<typeof Status>;
export const channels = ['portal', 'phone', 'email'] as const;
export const Channel = Type.Enum(channels);
export type Channel = Static<typeof Channel>;
export const Line = Type.Integer({ minimum: 1, maximum: 3 });
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('internal')]);
export type Visibility = Static<typeof Visibility>;

export const IdParams = Type.Object({ id: Id });
/** A request is named by its number (as in «LS-1042» or «1042») or its id. */
export const RequestParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }) });

// --- Catalogue ------------------------------------------------------------------------------------

export const fieldTypes = ['text', 'textarea', 'select', 'date', 'number', 'unit', 'person'] as const;
export const CategoryField = Type.Object({
  key: Type.String(),
  label: Localised,
  help: Type.Optional(Localised),
  type: Type.Enum(fieldTypes),
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Localised }))),
});
export type CategoryField = Static<typeof CategoryField>;

export const Category = Type.Object({
  id: Id,
  key: Type.String(),
  name: Localised,
  description: nullable(Localised),
  area: Type.String(),
  kind: Type.Union([Type.Literal('general'), Type.Literal('leader_change')]),
  fields: Type.Array(CategoryField),
  defaultPriority: Priority,
  source: nullable(Type.String()),
});
export type Category = Static<typeof Category>;

export const Group = Type.Object({
  id: Id,
  key: Type.String(),
  name: Type.String(),
  line: Line,
  unit: nullable(Type.Object({ id: Id, name: Type.String() })),
  specialisation: nullable(Type.String()),
  external: Type.Boolean(),
  members: Type.Array(Type.Object({ userId: Id, displayName: Type.String() })),
  source: nullable(Type.String()),
  revision: Type.Integer(),
});
export type Group = Static<typeof Group>;

export const Catalogue = Type.Object({ categories: Type.Array(Category), groups: Type.Array(Group) });
export type Catalogue = Static<typeof Catalogue>;

/** Where the signed-in user sits today, as the organisation model says (never typed by the user). */
export const RequesterContext = Type.Object({
  date: Type.String({ format: 'date' }),
  person: nullable(Type.Object({ id: Id, name: Type.String() })),
  unit: nullable(Type.Object({ id: Id, name: Type.String(), level: Type.Integer() })),
  sector: nullable(Type.Object({ id: Id, name: Type.String() })),
  /** Agents: the groups they work in. */
  groups: Type.Array(Type.Object({ id: Id, name: Type.String(), line: Line })),
});
export type RequesterContext = Static<typeof RequesterContext>;

// --- Requests -------------------------------------------------------------------------------------

export const SubmitRequestBody = Type.Object(
  {
    categoryKey: Type.String({ minLength: 1, maxLength: 100 }),
    subject: Text(200),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
    /** The category's form fields by key; required ones must be present and not blank. */
    fields: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Number()]))),
    priority: Type.Optional(Priority),
    /** First line only: registered on a leader's behalf (that leader's user id), usually by phone. */
    onBehalfOfUserId: Type.Optional(Id),
    channel: Type.Optional(Channel),
    /** The leader found the answer in this article: the request is stored as solved by self-service. */
    solvedByArticleId: Type.Optional(Id),
    /** Knowledge-base articles shown while typing, kept with the request. */
    suggestedArticleIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SubmitRequestBody = Static<typeof SubmitRequestBody>;

export const SlaClock = Type.Object({
  dueAt: nullable(Timestamp),
  /** ok | warning (the warn share used) | breached | met | paused | none */
  state: Type.Enum(['ok', 'warning', 'breached', 'met', 'paused', 'none']),
  /** Business minutes left (negative when over), null when not running. */
  minutesLeft: nullable(Type.Integer()),
});
export type SlaClock = Static<typeof SlaClock>;

export const RequestSummary = Type.Object({
  id: Id,
  number: Type.Integer(),
  subject: Type.String(),
  category: Type.Object({ id: Id, key: Type.String(), name: Localised }),
  requester: Type.Object({ userId: nullable(Id), name: Type.String() }),
  unit: nullable(Type.Object({ id: Id, name: Type.String(), level: nullable(Type.Integer()) })),
  sector: nullable(Type.Object({ id: Id, name: Type.String() })),
  channel: Channel,
  priority: Priority,
  status: Status,
  line: Line,
  group: Type.Object({ id: Id, name: Type.String() }),
  assignee: nullable(Type.Object({ userId: Id, displayName: Type.String() })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  response: SlaClock,
  resolution: SlaClock,
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type RequestSummary = Static<typeof RequestSummary>;

export const Message = Type.Object({
  id: Id,
  author: Type.Object({ userId: nullable(Id), name: Type.String() }),
  visibility: Visibility,
  body: Type.String(),
  createdAt: Timestamp,
});
export type Message = Static<typeof Message>;

export const Attachment = Type.Object({
  id: Id,
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  visibility: Visibility,
  uploadedBy: nullable(Type.String()),
  createdAt: Timestamp,
});
export type Attachment = Static<typeof Attachment>;

export const RequestEvent = Type.Object({
  id: Type.String(),
  type: Type.String(),
  actorName: nullable(Type.String()),
  /** What happened, in both languages, for the history list. */
  text: Localised,
  createdAt: Timestamp,
});
export type RequestEvent = Static<typeof RequestEvent>;

export const RequestRef = Type.Object({ id: Id, number: Type.Integer(), subject: Type.String(), status: Status });

export const RequestDetail = Type.Object({
  ...RequestSummary.properties,
  description: Type.String(),
  /** The category's fields with their labels and the values given. */
  fields: Type.Array(Type.Object({ key: Type.String(), label: Localised, value: Type.String() })),
  registeredBy: nullable(Type.String()),
  thirdLine: nullable(Type.Object({ kind: Type.Union([Type.Literal('internal'), Type.Literal('external')]), party: Type.String() })),
  selfService: Type.Boolean(),
  firstResponseAt: nullable(Timestamp),
  resolvedAt: nullable(Timestamp),
  closedAt: nullable(Timestamp),
  messages: Type.Array(Message),
  attachments: Type.Array(Attachment),
  events: Type.Array(RequestEvent),
  parent: nullable(RequestRef),
  children: Type.Array(RequestRef),
  links: Type.Array(RequestRef),
  articles: Type.Array(Type.Object({ id: Id, key: Type.String(), title: Type.String() })),
  time: Type.Object({
    entries: Type.Array(
      Type.Object({
        id: Id,
        userName: nullable(Type.String()),
        line: Line,
        minutes: Type.Integer(),
        note: nullable(Type.String()),
        createdAt: Timestamp,
      }),
    ),
    minutes: Type.Integer(),
    /** Logged time × the line's rate, in kroner; null while no rate is set. */
    cost: nullable(Type.Number()),
  }),
  survey: nullable(Type.Object({ score: nullable(Type.Integer()), comment: nullable(Type.String()), answeredAt: nullable(Timestamp) })),
  /** What the signed-in user may do with it now (the UI shows only these). */
  can: Type.Object({
    handle: Type.Boolean(),
    take: Type.Boolean(),
    escalate: Type.Boolean(),
    thirdLine: Type.Boolean(),
    resolve: Type.Boolean(),
    close: Type.Boolean(),
    reopen: Type.Boolean(),
    delete: Type.Boolean(),
    rate: Type.Boolean(),
    approveMasterData: Type.Boolean(),
    seeInternal: Type.Boolean(),
  }),
});
export type RequestDetail = Static<typeof RequestDetail>;

export const QueueQuery = Type.Object({
  /** mine: what I asked for; unit: my unit's and those under it (leaders); queue: the desk (agents). */
  view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('unit'), Type.Literal('queue')])),
  line: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  status: Type.Optional(Type.String({ maxLength: 100, description: 'Comma-separated statuses; default: the open ones' })),
  priority: Type.Optional(Priority),
  groupId: Type.Optional(Id),
  categoryId: Type.Optional(Id),
  sectorId: Type.Optional(Id),
  channel: Type.Optional(Channel),
  assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none')])),
  sla: Type.Optional(Type.Union([Type.Literal('warning'), Type.Literal('breached')])),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('priority'), Type.Literal('newest'), Type.Literal('oldest')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type QueueQuery = Static<typeof QueueQuery>;

export const RequestList = Type.Object({
  items: Type.Array(RequestSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type RequestList = Static<typeof RequestList>;

const WithRevision = { revision: Revision };

export const TakeBody = Type.Object(WithRevision, { additionalProperties: false });
export const AssignBody = Type.Object({ ...WithRevision, assigneeUserId: nullable(Id) }, { additionalProperties: false });
export const PriorityBody = Type.Object({ ...WithRevision, priority: Priority }, { additionalProperties: false });
export const MessageBody = Type.Object({ visibility: Visibility, body: Text(20_000) }, { additionalProperties: false });
export const transitions = ['start', 'wait', 'resume', 'resolve', 'close', 'reopen', 'delete'] as const;
export const TransitionBody = Type.Object(
  { ...WithRevision, action: Type.Enum(transitions), note: Type.Optional(Type.String({ maxLength: 20_000 })) },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;
export const EscalateBody = Type.Object({ ...WithRevision, reason: Text(2000) }, { additionalProperties: false });
export const ThirdLineBody = Type.Object(
  {
    ...WithRevision,
    reason: Text(2000),
    kind: Type.Union([Type.Literal('internal'), Type.Literal('external')]),
    /** Internal: a line-3 group; external: the party's name (a vendor, a law firm). */
    groupId: Type.Optional(Id),
    party: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export const SelfServiceBody = Type.Object({ articleId: Id }, { additionalProperties: false });
export const LinkBody = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false });
export const ChildBody = Type.Object(
  { subject: Text(200), description: Type.Optional(Type.String({ maxLength: 20_000 })), groupId: Id },
  { additionalProperties: false },
);
export const TimeBody = Type.Object(
  { minutes: Type.Integer({ minimum: 1, maximum: 1440 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const SurveyBody = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const ApproveBody = Type.Object(WithRevision, { additionalProperties: false });
export const AttachmentQuery = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  visibility: Type.Optional(Visibility),
});

// --- Routing rules --------------------------------------------------------------------------------

export const RoutingRule = Type.Object({
  id: Id,
  category: nullable(Type.Object({ id: Id, key: Type.String(), name: Localised })),
  area: nullable(Type.Object({ id: Id, name: Type.String(), level: Type.Integer() })),
  group: Type.Object({ id: Id, name: Type.String(), line: Line }),
  note: nullable(Type.String()),
  source: nullable(Type.String()),
  revision: Type.Integer(),
});
export type RoutingRule = Static<typeof RoutingRule>;
export const RoutingRuleList = Type.Object({ rules: Type.Array(RoutingRule) });
export type RoutingRuleList = Static<typeof RoutingRuleList>;
export const CreateRoutingRuleBody = Type.Object(
  { categoryId: nullable(Id), areaUnitId: nullable(Id), groupId: Id, note: Type.Optional(nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export type CreateRoutingRuleBody = Static<typeof CreateRoutingRuleBody>;
export const ChangeRoutingRuleBody = Type.Object(
  { revision: Revision, groupId: Id, note: Type.Optional(nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export type ChangeRoutingRuleBody = Static<typeof ChangeRoutingRuleBody>;
export const DeleteRoutingRuleQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });
/** Which group a request in this category from this unit goes to on escalation, and by which rule. */
export const RoutingPreviewQuery = Type.Object({ categoryId: Id, unitId: Id });
export const RoutingPreview = Type.Object({
  group: nullable(Type.Object({ id: Id, name: Type.String(), line: Line })),
  rule: nullable(RoutingRule),
  /** The requester's unit and those above it, nearest first, as routing read them. */
  chain: Type.Array(Type.Object({ id: Id, name: Type.String(), level: Type.Integer() })),
});
export type RoutingPreview = Static<typeof RoutingPreview>;

export const GroupMembersBody = Type.Object(
  { revision: Revision, userIds: Type.Array(Id, { maxItems: 500 }) },
  { additionalProperties: false },
);

// --- Service levels and the desk's settings -------------------------------------------------------

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
export const OpeningHours = Type.Record(Type.String({ pattern: '^[1-7]$' }), nullable(Type.Tuple([Time, Time])), {
  description: 'Per ISO weekday 1 (Monday) … 7 (Sunday): [opens, closes] or null when closed',
});
export const Settings = Type.Object({
  timeZone: Type.String(),
  openingHours: OpeningHours,
  closedDays: Type.Array(Type.String({ format: 'date' })),
  /** Kroner per logged hour, per line ("1", "2", "3"); a line without a rate shows no cost. */
  rates: Type.Record(Type.String({ pattern: '^[1-3]$' }), Type.Number({ minimum: 0, maximum: 100_000 })),
  warnPercent: Type.Integer({ minimum: 1, maximum: 99 }),
  firstLineTargetPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  revision: Type.Integer(),
});
export type Settings = Static<typeof Settings>;
export const ChangeSettingsBody = Type.Object(
  {
    revision: Revision,
    openingHours: Type.Optional(OpeningHours),
    closedDays: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 400 })),
    rates: Type.Optional(Type.Record(Type.String({ pattern: '^[1-3]$' }), Type.Number({ minimum: 0, maximum: 100_000 }))),
    warnPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    firstLineTargetPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ChangeSettingsBody = Static<typeof ChangeSettingsBody>;

export const SlaPolicy = Type.Object({
  id: Id,
  category: nullable(Type.Object({ id: Id, key: Type.String(), name: Localised })),
  priority: Priority,
  responseMinutes: Type.Integer(),
  resolutionMinutes: Type.Integer(),
  revision: Type.Integer(),
});
export type SlaPolicy = Static<typeof SlaPolicy>;
export const SlaPolicyList = Type.Object({ policies: Type.Array(SlaPolicy) });
export type SlaPolicyList = Static<typeof SlaPolicyList>;
export const PutSlaPolicyBody = Type.Object(
  {
    categoryId: nullable(Id),
    priority: Priority,
    responseMinutes: Type.Integer({ minimum: 1, maximum: 100_000 }),
    resolutionMinutes: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    /** The revision read, when changing an existing policy. */
    revision: Type.Optional(Revision),
  },
  { additionalProperties: false },
);
export type PutSlaPolicyBody = Static<typeof PutSlaPolicyBody>;
