import { Type, type Static, type TSchema } from 'typebox';

// Contracts of the political decisions routes (/api/steering/decisions…), shared by server and web.

export const DecisionBody = Type.Union([
  Type.Literal('city_council'),
  Type.Literal('executive_committee'),
  Type.Literal('committee'),
  Type.Literal('joint_committee'),
]);
export type DecisionBody = Static<typeof DecisionBody>;

export const DecisionStatus = Type.Union([
  Type.Literal('not_started'),
  Type.Literal('in_progress'),
  Type.Literal('completed'),
  Type.Literal('delayed'),
  Type.Literal('cannot_be_done'),
]);
export type DecisionStatus = Static<typeof DecisionStatus>;

export const decisionBodies: DecisionBody[] = ['city_council', 'executive_committee', 'committee', 'joint_committee'];
export const decisionStatuses: DecisionStatus[] = ['not_started', 'in_progress', 'completed', 'delayed', 'cannot_be_done'];

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DecisionSummary = Type.Object({
  id: Type.String(),
  body: DecisionBody,
  committeeName: Type.Union([Type.String(), Type.Null()]),
  meetingDate: Type.String(),
  caseNumber: Type.String(),
  archiveReference: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  responsibleUnitId: Type.String(),
  responsibleUnitName: Type.String(),
  responsiblePersonId: Type.Union([Type.String(), Type.Null()]),
  responsiblePersonName: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.Union([Type.String(), Type.Null()]),
  status: DecisionStatus,
  completedOn: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  source: Type.Union([Type.String(), Type.Null()]),
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type DecisionSummary = Static<typeof DecisionSummary>;

export const DecisionNote = Type.Object({
  id: Type.String(),
  body: Type.String(),
  statusFrom: Type.Union([Type.String(), Type.Null()]),
  statusTo: Type.Union([Type.String(), Type.Null()]),
  authorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type DecisionNote = Static<typeof DecisionNote>;

export const LinkedAdjustment = Type.Object({
  id: Type.String(),
  areaCode: Type.String(),
  areaName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  amount: Type.Number(),
  status: Type.String(),
});
export type LinkedAdjustment = Static<typeof LinkedAdjustment>;

export const DecisionDetail = Type.Object({
  ...DecisionSummary.properties,
  decisionText: Type.String(),
  notes: Type.Array(DecisionNote),
  adjustments: Type.Array(LinkedAdjustment),
  /** May the signed-in user add notes and change status (analyst, or leader of the responsible unit)? */
  canAddNote: Type.Boolean(),
  canEdit: Type.Boolean(),
});
export type DecisionDetail = Static<typeof DecisionDetail>;

export const DecisionList = Type.Object({ decisions: Type.Array(DecisionSummary), total: Type.Integer() });
export type DecisionList = Static<typeof DecisionList>;

export const DecisionListQuery = Type.Object({
  status: Type.Optional(DecisionStatus),
  body: Type.Optional(DecisionBody),
  overdue: Type.Optional(Type.Boolean()),
  unit: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
});
export type DecisionListQuery = Static<typeof DecisionListQuery>;

/** POST /decisions and PUT /decisions/:id (with revision). responsibleUnitId is checked by the command (clear 400 when missing). */
export const DecisionInput = Type.Object(
  {
    body: DecisionBody,
    committeeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    meetingDate: Type.String({ maxLength: 10 }),
    caseNumber: Type.String({ maxLength: 20 }),
    archiveReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    title: Type.String({ maxLength: 300 }),
    decisionText: Type.Optional(Type.String({ maxLength: 20000 })),
    responsibleUnitId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    responsiblePersonId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    deadline: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    status: Type.Optional(DecisionStatus),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

export const DecisionUpdate = Type.Object(
  { ...DecisionInput.properties, revision: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type DecisionUpdate = Static<typeof DecisionUpdate>;

export const AddNoteBody = Type.Object(
  {
    body: Type.String({ maxLength: 5000 }),
    status: Type.Optional(DecisionStatus),
    /** The revision read; required when changing status. */
    revision: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AddNoteBody = Static<typeof AddNoteBody>;

export const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** One row of the decisions' status table in the tertial report. */
export interface DecisionStatusRow {
  id: string;
  body: DecisionBody;
  committeeName: string | null;
  meetingDate: string;
  caseNumber: string;
  archiveReference: string | null;
  title: string;
  responsibleUnitId: string;
  responsibleUnitName: string;
  deadline: string | null;
  status: DecisionStatus;
  completedOn: string | null;
  overdue: boolean;
  latestNote: { body: string; createdAt: string } | null;
  source: string | null;
}
