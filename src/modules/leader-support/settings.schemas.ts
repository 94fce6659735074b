import { Type, type Static } from 'typebox';
import { Group } from './leader-support.schemas.js';

// The desk administrator's settings routes: what the core contract (leader-support.schemas.ts) lacks.

export const GroupList = Type.Object({ groups: Type.Array(Group) });
export type GroupList = Static<typeof GroupList>;

/** DELETE …?revision=: the revision read, so a delete after someone else's change is refused. */
export const RevisionQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });
