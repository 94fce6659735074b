import { Type, type Static, type TSchema } from 'typebox';

// The resource pool, shared by server and web: members (service designers, concept developers,
// enterprise architects, project managers, line staff lent to initiatives), capacity per month as a
// share of full time (1 = a full month), allocations per member × initiative × month.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
/** A month: YYYY-MM. */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Share = Type.Number({ minimum: 0, maximum: 1 });

export const poolRoles = ['service_designer', 'concept_developer', 'enterprise_architect', 'project_manager', 'line_staff'] as const;
export const PoolRole = Type.Enum(poolRoles);
export type PoolRole = Static<typeof PoolRole>;

export const MemberIdParams = Type.Object({ id: Id });
export const PoolExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });

export const PoolMember = Type.Object({
  id: Id,
  name: Type.String(),
  personId: nullable(Id),
  role: PoolRole,
  homeUnitId: nullable(Id),
  homeUnitName: nullable(Type.String()),
  defaultCapacity: Type.Number(),
  active: Type.Boolean(),
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type PoolMember = Static<typeof PoolMember>;
export const PoolMembers = Type.Object({ members: Type.Array(PoolMember) });
export type PoolMembers = Static<typeof PoolMembers>;

export const CreateMemberBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    personId: Type.Optional(nullable(Id)),
    role: PoolRole,
    homeUnitId: Type.Optional(nullable(Id)),
    defaultCapacity: Type.Optional(Share),
  },
  { additionalProperties: false },
);
export type CreateMemberBody = Static<typeof CreateMemberBody>;

/** Edit a member: every field, plus the revision the client read (stale → 409). */
export const UpdateMemberBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    role: PoolRole,
    homeUnitId: nullable(Id),
    defaultCapacity: Share,
    /** false = no longer in the pool: not offered for allocation and not counted in capacity. */
    active: Type.Boolean(),
    revision: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const PutCapacityBody = Type.Object(
  { month: Month, capacity: nullable(Share) },
  { additionalProperties: false, description: 'capacity null = back to the default' },
);
export type PutCapacityBody = Static<typeof PutCapacityBody>;

export const Allocation = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  role: PoolRole,
  initiativeId: Id,
  initiativeNumber: Type.Integer(),
  initiativeTitle: Type.String(),
  month: Month,
  share: Type.Number(),
  overrideReason: nullable(Type.String()),
});
export type Allocation = Static<typeof Allocation>;
export const Allocations = Type.Object({ allocations: Type.Array(Allocation) });
export type Allocations = Static<typeof Allocations>;

export const AllocationsQuery = Type.Object({
  initiative: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  member: Type.Optional(Id),
});
export type AllocationsQuery = Static<typeof AllocationsQuery>;

export const AllocateBody = Type.Object(
  {
    memberId: Id,
    /** The initiative's number («12», «INI-12») or id. */
    initiative: Type.String({ minLength: 1, maxLength: 60 }),
    /** First month; the same share is set for `months` months from it. */
    month: Month,
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
    /** Share of a full month, 0 removes the allocation. */
    share: Share,
    /** Save even if it takes the member beyond capacity: needs a reason, which is kept and flagged. */
    override: Type.Optional(Type.Boolean()),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type AllocateBody = Static<typeof AllocateBody>;

/** The 409 details when an allocation would take a member beyond capacity. */
export const OverAllocationDetail = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  month: Month,
  capacity: Type.Number(),
  requestedTotal: Type.Number(),
});
export type OverAllocationDetail = Static<typeof OverAllocationDetail>;

export const AllocateResult = Type.Object({ written: Type.Integer(), overrides: Type.Integer() });

export const CapacityQuery = Type.Object({
  from: Type.Optional(Month),
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36 })),
});

const MonthCell = Type.Object({ month: Month, capacity: Type.Number(), allocated: Type.Number(), over: Type.Boolean() });
export type MonthCell = Static<typeof MonthCell>;

export const CapacityReport = Type.Object({
  months: Type.Array(Month),
  people: Type.Array(
    Type.Object({ memberId: Id, name: Type.String(), role: PoolRole, cells: Type.Array(MonthCell), overCount: Type.Integer() }),
  ),
  roles: Type.Array(
    Type.Object({ role: PoolRole, members: Type.Integer(), cells: Type.Array(MonthCell), overPeople: Type.Array(Type.Integer()) }),
  ),
});
export type CapacityReport = Static<typeof CapacityReport>;
