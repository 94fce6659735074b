// The SCIM User resource: a body (POST/PUT) or PATCH operations → the attributes Knutepunkt keeps,
// a filter → a condition on users, a users row → the resource sent back. Pure.
import { ScimError, invalidSyntax, invalidValue } from './scim-error.js';
import { parsePatchPath, type AttrPath, type Filter } from './scim-filter.js';
import { compileFilter, filterSchemaOf, unsupportedFilter, type Condition } from './scim-condition.js';
import { applyPatchOperations } from './scim-patch.js';
import {
  checkSchemas,
  enterpriseSchema,
  fullAttrName,
  ignoredEnterpriseAttributes,
  ignoredUserAttributes,
  isPlainObject,
  lower,
  nameSubAttributes,
  readBoolean,
  readText,
  schemaOf,
  unknownAttribute,
  userSchema,
} from './scim-schema.js';

/** What Knutepunkt keeps of a SCIM User. */
export interface ScimUserState {
  userName: string;
  /** As sent; when none, the name's parts or the userName make the display name. */
  displayName: string | null;
  email: string | null;
  externalId: string | null;
  employeeNumber: string | null;
  active: boolean;
}

export type PatchOpName = 'add' | 'replace' | 'remove';

interface Draft extends Omit<ScimUserState, 'userName'> {
  userName: string | null;
  name: { formatted: string | null; givenName: string | null; familyName: string | null };
}

/** `mode` decides the error for an unknown attribute: a body that breaks the schema, or a PATCH path with no target. */
type Mode = 'body' | 'patch';

function unknown(path: AttrPath, mode: Mode): ScimError {
  const name = fullAttrName(path) + (path.sub ? `.${path.sub}` : '');
  if (mode === 'body') return unknownAttribute(name);
  return new ScimError(400, 'invalidPath', {
    nb: `Attributtet «${name.slice(0, 200)}» finnes ikke på en bruker.`,
    en: `The attribute "${name.slice(0, 200)}" does not exist on a User.`,
  });
}

function readOnly(name: string): ScimError {
  return new ScimError(400, 'mutability', { nb: `«${name}» kan ikke endres.`, en: `"${name}" cannot be changed.` });
}

/** The work e-mail from an `emails` value: the primary one, else type "work", else the first. */
function pickEmail(value: unknown): string | null {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const entries = list.map((entry) => {
    if (!isPlainObject(entry))
      throw invalidValue('«emails» må være en liste av objekter med «value».', '"emails" must be a list of objects with "value".');
    return entry;
  });
  const chosen =
    entries.find((e) => e.primary === true || (typeof e.primary === 'string' && lower(e.primary) === 'true')) ??
    entries.find((e) => typeof e.type === 'string' && lower(e.type) === 'work') ??
    entries[0];
  return chosen ? readEmail(chosen.value) : null;
}

function readEmail(value: unknown): string | null {
  const email = readText(value, 'emails.value', 320);
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email))
    throw invalidValue(`«${email}» er ikke en e-postadresse.`, `"${email}" is not an e-mail address.`);
  return email;
}

/** Whether an `emails[…]` filter selects the work address, the only one kept. */
function selectsWorkEmail(filter: Filter): boolean {
  if (filter.kind !== 'compare' || filter.op !== 'eq' || filter.path.filter || filter.path.sub) return false;
  const attr = lower(filter.path.attr);
  if (attr === 'type') return typeof filter.value === 'string' && lower(filter.value) === 'work';
  if (attr === 'primary') return filter.value === true;
  return false;
}

function setAttribute(draft: Draft, op: PatchOpName, path: AttrPath, value: unknown, mode: Mode): void {
  if (lower(fullAttrName(path)) === lower(enterpriseSchema)) {
    if (op === 'remove') {
      draft.employeeNumber = null;
      return;
    }
    if (value === null) return;
    if (!isPlainObject(value)) throw invalidValue(`«${enterpriseSchema}» må være et objekt.`, `"${enterpriseSchema}" must be an object.`);
    for (const [key, child] of Object.entries(value))
      setAttribute(draft, op, { schema: enterpriseSchema, ...keyPath(key, mode) }, child, mode);
    return;
  }
  const schema = schemaOf(path, userSchema);
  const attr = lower(path.attr);
  if (schema === 'enterprise' || attr === 'employeenumber') {
    if (attr === 'employeenumber' && !path.sub && !path.filter) {
      draft.employeeNumber = op === 'remove' ? null : readText(value, 'employeeNumber', 100);
      return;
    }
    if (schema === 'enterprise' && ignoredEnterpriseAttributes.has(attr)) return;
    throw unknown(path, mode);
  }
  if (ignoredUserAttributes.has(attr) && attr !== 'name') return;
  if (path.filter && attr !== 'emails') throw unknown(path, mode);
  switch (attr) {
    case 'username':
      if (path.sub) throw unknown(path, mode);
      if (op === 'remove' || value === null) throw invalidValue('«userName» kan ikke fjernes.', '"userName" cannot be removed.');
      draft.userName = readText(value, 'userName', 200);
      if (!draft.userName) throw invalidValue('«userName» kan ikke være tomt.', '"userName" cannot be empty.');
      return;
    case 'displayname':
      if (path.sub) throw unknown(path, mode);
      draft.displayName = op === 'remove' ? null : readText(value, 'displayName', 200);
      return;
    case 'externalid':
      if (path.sub) throw unknown(path, mode);
      draft.externalId = op === 'remove' ? null : readText(value, 'externalId', 200);
      return;
    case 'active':
      if (path.sub) throw unknown(path, mode);
      if (op === 'remove' || value === null)
        throw invalidValue('«active» kan ikke fjernes; sett den til false.', '"active" cannot be removed; set it to false.');
      draft.active = readBoolean(value, 'active');
      return;
    case 'emails':
      setEmail(draft, op, path, value);
      return;
    case 'name':
      setName(draft, op, path, value, mode);
      return;
    case 'id':
    case 'meta':
    case 'schemas':
      throw readOnly(path.attr);
  }
  throw unknown(path, mode);
}

function setEmail(draft: Draft, op: PatchOpName, path: AttrPath, value: unknown): void {
  const sub = path.sub ? lower(path.sub) : undefined;
  if (sub && sub !== 'value') {
    if (['type', 'primary', 'display'].includes(sub)) return;
    throw new ScimError(400, 'invalidPath', { nb: `«emails.${path.sub}» finnes ikke.`, en: `"emails.${path.sub}" does not exist.` });
  }
  // Only the work address is kept: a path aimed at another type (home, other) changes nothing.
  if (path.filter && !selectsWorkEmail(path.filter)) return;
  if (op === 'remove') {
    draft.email = null;
    return;
  }
  if (sub === 'value') {
    draft.email = readEmail(value);
    return;
  }
  if (path.filter) {
    draft.email = isPlainObject(value) ? readEmail(value.value) : readEmail(value);
    return;
  }
  const picked = pickEmail(value);
  if (picked !== null || op === 'replace') draft.email = picked;
}

function setName(draft: Draft, op: PatchOpName, path: AttrPath, value: unknown, mode: Mode): void {
  if (path.sub) {
    const sub = lower(path.sub);
    if (!nameSubAttributes.has(sub)) throw unknown(path, mode);
    const text = op === 'remove' ? null : readText(value, `name.${path.sub}`, 200);
    if (sub === 'formatted') draft.name.formatted = text;
    if (sub === 'givenname') draft.name.givenName = text;
    if (sub === 'familyname') draft.name.familyName = text;
    return;
  }
  if (op === 'remove' || value === null) {
    draft.name = { formatted: null, givenName: null, familyName: null };
    return;
  }
  if (!isPlainObject(value)) throw invalidValue('«name» må være et objekt.', '"name" must be an object.');
  for (const [key, child] of Object.entries(value)) setName(draft, op, { attr: 'name', sub: key }, child, mode);
}

/** A body key as a path; in a body, a key that is no attribute name is a schema violation. */
function keyPath(key: string, mode: Mode): AttrPath {
  try {
    const path = parsePatchPath(key);
    // Entra ID's pathless PATCH keys the work e-mail as `emails[type eq "work"].value`; a body may not.
    if (path.filter && mode === 'body') throw unknownAttribute(key);
    return path;
  } catch (error) {
    if (error instanceof ScimError && mode === 'body') throw unknownAttribute(key);
    throw error;
  }
}

function draftOf(state: ScimUserState | null): Draft {
  return {
    userName: state?.userName ?? null,
    displayName: state?.displayName ?? null,
    email: state?.email ?? null,
    externalId: state?.externalId ?? null,
    employeeNumber: state?.employeeNumber ?? null,
    active: state?.active ?? true,
    name: { formatted: null, givenName: null, familyName: null },
  };
}

function finish(draft: Draft): ScimUserState {
  if (!draft.userName) throw invalidValue('«userName» mangler.', '"userName" is required.');
  const fromName = draft.name.formatted ?? ([draft.name.givenName, draft.name.familyName].filter(Boolean).join(' ') || null);
  return {
    userName: draft.userName,
    displayName: draft.displayName ?? fromName,
    email: draft.email,
    externalId: draft.externalId,
    employeeNumber: draft.employeeNumber,
    active: draft.active,
  };
}

/** In a body, an attribute of an unknown schema breaks the request schema (invalidSyntax), not a path. */
export function bodyAttribute(key: string, apply: () => void): void {
  try {
    apply();
  } catch (error) {
    if (error instanceof ScimError && error.scimType === 'invalidPath') throw unknownAttribute(key);
    throw error;
  }
}

/** A whole User as POST and PUT send it. Attributes not sent are cleared (PUT replaces). */
export function parseUserResource(body: unknown): ScimUserState {
  if (!isPlainObject(body)) throw invalidSyntax('Forventet et JSON-objekt med en bruker.', 'Expected a JSON object holding a User.');
  const draft = draftOf(null);
  let schemasSeen = false;
  for (const [key, value] of Object.entries(body)) {
    const name = lower(key);
    if (name === 'schemas') {
      checkSchemas(value, userSchema);
      schemasSeen = true;
      continue;
    }
    // Read-only: what a client copies back from a GET is ignored, as RFC 7643 §7 says.
    if (name === 'id' || name === 'meta') continue;
    if (value === null) continue;
    bodyAttribute(key, () => setAttribute(draft, 'replace', keyPath(key, 'body'), value, 'body'));
  }
  if (!schemasSeen) throw invalidSyntax(`«schemas» mangler; send ["${userSchema}"].`, `"schemas" is missing; send ["${userSchema}"].`);
  return finish(draft);
}

export interface PatchOperation {
  op: PatchOpName;
  path: string | undefined;
  value: unknown;
}

/** RFC 7644 §3.5.2's body, with Entra ID's habits: `op` in any case ("Replace"), and no path with an object value. */
export function parsePatchBody(body: unknown): PatchOperation[] {
  if (!isPlainObject(body)) throw invalidSyntax('Forventet et PatchOp-objekt.', 'Expected a PatchOp object.');
  const operations = Object.entries(body).find(([key]) => lower(key) === 'operations')?.[1];
  const schemas = Object.entries(body).find(([key]) => lower(key) === 'schemas')?.[1];
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && lower(s) === 'urn:ietf:params:scim:api:messages:2.0:patchop')
  ) {
    throw invalidSyntax(
      '«schemas» må inneholde «urn:ietf:params:scim:api:messages:2.0:PatchOp».',
      '"schemas" must include "urn:ietf:params:scim:api:messages:2.0:PatchOp".',
    );
  }
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax(
      '«Operations» må være en liste med minst én operasjon.',
      '"Operations" must be a list with at least one operation.',
    );
  }
  if (operations.length > 1_000)
    throw new ScimError(400, 'tooMany', { nb: 'For mange operasjoner (høyst 1000).', en: 'Too many operations (at most 1000).' });
  return operations.map((operation) => {
    if (!isPlainObject(operation)) throw invalidSyntax('Hver operasjon må være et objekt.', 'Each operation must be an object.');
    let op: unknown;
    let path: unknown;
    let value: unknown;
    for (const [key, child] of Object.entries(operation)) {
      const name = lower(key);
      if (name === 'op') op = child;
      else if (name === 'path') path = child;
      else if (name === 'value') value = child;
      else
        throw invalidSyntax(`Ukjent felt «${key.slice(0, 100)}» i en operasjon.`, `Unknown field "${key.slice(0, 100)}" in an operation.`);
    }
    const opName = typeof op === 'string' ? lower(op) : '';
    if (opName !== 'add' && opName !== 'replace' && opName !== 'remove') {
      throw invalidSyntax('«op» må være add, replace eller remove.', '"op" must be add, replace or remove.');
    }
    if (path !== undefined && path !== null && typeof path !== 'string')
      throw new ScimError(400, 'invalidPath', { nb: '«path» må være tekst.', en: '"path" must be a string.' });
    const pathText = typeof path === 'string' && path.trim() !== '' ? path : undefined;
    if (opName === 'remove' && pathText === undefined) {
      throw new ScimError(400, 'noTarget', { nb: '«remove» krever en «path».', en: '"remove" needs a "path".' });
    }
    if (opName !== 'remove' && value === undefined) throw invalidValue(`«${opName}» krever en «value».`, `"${opName}" needs a "value".`);
    return { op: opName, path: pathText, value };
  });
}

/** Applies PATCH operations to a user, all or none: the first bad one refuses the request. */
export function applyUserPatch(state: ScimUserState, operations: PatchOperation[]): ScimUserState {
  const draft = draftOf(state);
  applyPatchOperations(draft, operations, {
    set: (d, op, path, value) => setAttribute(d, op, path, value, 'patch'),
    keyPath: (key) => keyPath(key, 'patch'),
    parsePath: parsePatchPath,
    // Entra ID repeats the id it addressed; it cannot change it, and nothing else is told.
    onId: () => {},
  });
  return finish(draft);
}

const userFields = {
  username: { column: 'username', caseInsensitive: true },
  displayname: { column: 'display_name', caseInsensitive: true },
  externalid: { column: 'external_id', caseInsensitive: false },
  id: { column: 'id', caseInsensitive: false },
  email: { column: 'email', caseInsensitive: true },
  employeenumber: { column: 'employee_number', caseInsensitive: false },
} as const;

/** A filter on Users as a condition on the users table: `eq` on the kept attributes, joined by and/or. */
export function userFilterCondition(filter: Filter): Condition {
  return compileFilter(filter, (path, value) => {
    const attr = lower(path.attr);
    if (lower(fullAttrName(path)) === lower(enterpriseSchema)) throw unsupportedFilter(path);
    const schema = filterSchemaOf(path, userSchema);
    if (schema === 'enterprise' || attr === 'employeenumber') {
      if (attr !== 'employeenumber' || path.sub || path.filter) throw unsupportedFilter(path);
      return { kind: 'eq', ...userFields.employeenumber, value };
    }
    if (attr === 'emails') {
      if (path.sub && lower(path.sub) !== 'value') throw unsupportedFilter(path);
      if (path.filter && !selectsWorkEmail(path.filter)) return { kind: 'none' };
      return { kind: 'eq', ...userFields.email, value };
    }
    if (path.sub || path.filter) throw unsupportedFilter(path);
    if (attr === 'active') {
      if (typeof value !== 'boolean') throw unsupportedFilter(path);
      return { kind: 'active', value };
    }
    const field = userFields[attr as keyof typeof userFields];
    if (!field || attr === 'email') throw unsupportedFilter(path);
    return { kind: 'eq', ...field, value };
  });
}

export interface ScimUserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  external_id: string | null;
  employee_number: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function userStateOf(row: ScimUserRow): ScimUserState {
  return {
    userName: row.username,
    displayName: row.display_name,
    email: row.email,
    externalId: row.external_id,
    employeeNumber: row.employee_number,
    active: row.disabled_at === null,
  };
}

export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/** The resource as RFC 7643 §4.1 shapes it, with the enterprise extension when it has a value. */
export function renderUser(row: ScimUserRow, baseUrl: string): Record<string, unknown> {
  return {
    schemas: row.employee_number ? [userSchema, enterpriseSchema] : [userSchema],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.username,
    displayName: row.display_name,
    active: row.disabled_at === null,
    ...(row.email ? { emails: [{ value: row.email, type: 'work', primary: true }] } : {}),
    ...(row.employee_number ? { [enterpriseSchema]: { employeeNumber: row.employee_number } } : {}),
    meta: {
      resourceType: 'User',
      created: row.created_at.toISOString(),
      lastModified: row.updated_at.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: etagOf(row.version),
    },
  };
}
