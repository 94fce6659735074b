import { Type, type Static, type TSchema } from 'typebox';

// Shared between server and web: user administration (search, the user page with each role's
// origin, manual grants, disable/enable), the group → role mapping and the reassignment list.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** The roles as the kernel lists them (src/kernel/auth/permissions.ts); a new role goes in both. */
export const roleNames = [
  'administrator',
  'organisation_editor',
  'leader',
  'employee',
  'first_line_agent',
  'second_line_agent',
  'analyst',
  'portfolio_board_member',
  'reorganisation_approver',
] as const;
export const RoleName = Type.Union([
  Type.Literal('administrator'),
  Type.Literal('organisation_editor'),
  Type.Literal('leader'),
  Type.Literal('employee'),
  Type.Literal('first_line_agent'),
  Type.Literal('second_line_agent'),
  Type.Literal('analyst'),
  Type.Literal('portfolio_board_member'),
  Type.Literal('reorganisation_approver'),
]);
export type RoleName = Static<typeof RoleName>;

export const userSources = ['local', 'oidc', 'scim'] as const;
export const UserSource = Type.Union([Type.Literal('local'), Type.Literal('oidc'), Type.Literal('scim')]);
export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
export type UserStatus = Static<typeof UserStatus>;

export const roleOriginKinds = ['account', 'manual', 'group', 'position', 'desk', 'board'] as const;
export const RoleOriginKind = Type.Union([
  Type.Literal('account'),
  Type.Literal('manual'),
  Type.Literal('group'),
  Type.Literal('position'),
  Type.Literal('desk'),
  Type.Literal('board'),
]);

export const UserSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the username, name, e-mail or employee number' })),
    status: Type.Optional(UserStatus),
    /** Held through the account, a manual grant or a group; roles that follow positions are shown, not filtered on. */
    role: Type.Optional(RoleName),
    source: Type.Optional(UserSource),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);
export type UserSearchQuery = Static<typeof UserSearchQuery>;

/** Who the user is, as the list and the detail page show it. */
const userIdentity = {
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: nullable(Type.String()),
  employeeNumber: nullable(Type.String()),
  source: UserSource,
  status: UserStatus,
};

export const UserSummary = Type.Object({
  ...userIdentity,
  /** The roles held today, whatever their origin. */
  roles: Type.Array(Type.String()),
  lastSignInAt: nullable(Type.String({ format: 'date-time' })),
});
export type UserSummary = Static<typeof UserSummary>;

export const UserList = Type.Object({
  users: Type.Array(UserSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type UserList = Static<typeof UserList>;

export const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
/** The user page as of a day: positions and roles then (default today), e.g. the day after a reorganisation. */
export const UserDetailQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });
export type UserDetailQuery = Static<typeof UserDetailQuery>;
export type UserParams = Static<typeof UserParams>;
export const GrantParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }), grantId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type GrantParams = Static<typeof GrantParams>;

export const RoleWithOrigin = Type.Object({
  role: Type.String(),
  kind: RoleOriginKind,
  label: Type.String(),
  validTo: nullable(IsoDate),
});
export type RoleWithOrigin = Static<typeof RoleWithOrigin>;

export const Grant = Type.Object({
  id: Type.String(),
  role: Type.String(),
  reason: Type.String(),
  validTo: nullable(IsoDate),
  grantedAt: Type.String({ format: 'date-time' }),
  grantedBy: nullable(Type.String({ description: 'Display name' })),
  revokedAt: nullable(Type.String({ format: 'date-time' })),
  revokedBy: nullable(Type.String({ description: 'Display name' })),
  active: Type.Boolean(),
});
export type Grant = Static<typeof Grant>;

export const SignInEntry = Type.Object({
  occurredAt: Type.String({ format: 'date-time' }),
  method: Type.String(),
  outcome: Type.String(),
  reason: nullable(Type.String()),
  ip: nullable(Type.String()),
});
export type SignInEntry = Static<typeof SignInEntry>;

export const HeldPosition = Type.Object({
  positionId: Type.String(),
  title: Type.String(),
  leads: Type.Boolean(),
  unitId: Type.String(),
  unitName: Type.String(),
});

export const UserDetail = Type.Object({
  ...userIdentity,
  disabledAt: nullable(Type.String({ format: 'date-time' })),
  disabledReason: nullable(Type.String()),
  lastSignInAt: nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  groups: Type.Array(Type.String()),
  date: IsoDate,
  person: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  positions: Type.Array(HeldPosition),
  roles: Type.Array(RoleWithOrigin),
  grants: Type.Array(Grant),
  signIns: Type.Array(SignInEntry),
});
export type UserDetail = Static<typeof UserDetail>;

export const GrantRoleBody = Type.Object(
  {
    role: RoleName,
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why the role is given; shown as its origin' }),
    validTo: Type.Optional(
      Type.Union([IsoDate, Type.Null()], { description: 'The first day without the role (after today); none: until revoked' }),
    ),
  },
  { additionalProperties: false },
);
export type GrantRoleBody = Static<typeof GrantRoleBody>;

export const DisableUserBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type DisableUserBody = Static<typeof DisableUserBody>;

export const EnableUserBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type EnableUserBody = Static<typeof EnableUserBody>;

export const GroupMapping = Type.Object({
  id: Type.String(),
  groupName: Type.String(),
  role: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: nullable(Type.String({ description: 'Display name' })),
});
export type GroupMapping = Static<typeof GroupMapping>;

export const GroupMappingList = Type.Object({ mappings: Type.Array(GroupMapping) });
export type GroupMappingList = Static<typeof GroupMappingList>;

export const GroupMappingBody = Type.Object(
  {
    groupName: Type.String({ minLength: 1, maxLength: 256, description: 'As the provider sends it (groups claim or SCIM displayName)' }),
    role: RoleName,
  },
  { additionalProperties: false },
);
export type GroupMappingBody = Static<typeof GroupMappingBody>;

export const MappingParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type MappingParams = Static<typeof MappingParams>;

export const OwnedItem = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  title: Type.String(),
  href: Type.String(),
  since: Type.Optional(nullable(Type.String())),
});
export type OwnedItem = Static<typeof OwnedItem>;

export const Reassignment = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  disabledAt: Type.String({ format: 'date-time' }),
  disabledReason: nullable(Type.String()),
  person: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  units: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  items: Type.Array(OwnedItem),
});
export type Reassignment = Static<typeof Reassignment>;

export const ReassignmentList = Type.Object({ users: Type.Array(Reassignment) });
export type ReassignmentList = Static<typeof ReassignmentList>;
