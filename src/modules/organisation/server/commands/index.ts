// The record commands. Each runs inside a transaction the caller opens (a route, or a scenario
// being applied), checks against the database on the effective date, writes dated versions, bumps
// the revision and records the audit entry. None opens a transaction of its own.
export { addLine, type AddLineInput } from './add-line.js';
export { assignPerson, type AssignPersonInput } from './assign-person.js';
export { changePosition, type ChangePositionInput } from './change-position.js';
export { changeUnit, type ChangeUnitInput } from './change-unit.js';
export { closePosition, type ClosePositionInput } from './close-position.js';
export { closeUnit, type CloseUnitInput } from './close-unit.js';
export { createPerson, type CreatePersonInput } from './create-person.js';
export { createPosition, type CreatePositionInput } from './create-position.js';
export { createUnit, type CreateUnitInput } from './create-unit.js';
export { endAssignment, type EndAssignmentInput } from './end-assignment.js';
export { endLine, type EndLineInput } from './end-line.js';
export { linkUser, type LinkUserInput } from './link-user.js';
export { setEditorAreas, type SetEditorAreasInput } from './set-editor-areas.js';
