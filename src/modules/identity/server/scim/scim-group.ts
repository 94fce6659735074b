// The SCIM Group resource: displayName, externalId and members (users by id). Pure.
import { ScimError, invalidSyntax, invalidValue } from './scim-error.js';
import { parsePatchPath, type AttrPath, type Filter } from './scim-filter.js';
import { compileFilter, filterSchemaOf, unsupportedFilter, type Condition } from './scim-condition.js';
import { applyPatchOperations } from './scim-patch.js';
import { bodyAttribute, type PatchOperation } from './scim-user.js';
import { checkSchemas, groupSchema, isPlainObject, lower, readText, schemaOf, unknownAttribute } from './scim-schema.js';

export interface ScimGroupState {
  displayName: string;
  externalId: string | null;
  /** User ids, each once, in the order first sent. */
  members: string[];
}

interface Draft {
  displayName: string | null;
  externalId: string | null;
  members: string[];
}

type Mode = 'body' | 'patch';

function unknown(path: AttrPath, mode: Mode): ScimError {
  const name = path.attr + (path.sub ? `.${path.sub}` : '');
  if (mode === 'body') return unknownAttribute(name);
  return new ScimError(400, 'invalidPath', {
    nb: `Attributtet «${name.slice(0, 200)}» finnes ikke på en gruppe.`,
    en: `The attribute "${name.slice(0, 200)}" does not exist on a Group.`,
  });
}

/** `[{ "value": "<user id>" }, …]` (or one such object) → the ids. */
function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((entry) => {
    const id = isPlainObject(entry) ? Object.entries(entry).find(([key]) => lower(key) === 'value')?.[1] : undefined;
    if (typeof id !== 'string' || id.trim() === '') {
      throw invalidValue(
        'Hvert medlem må være et objekt med «value» (brukerens id).',
        'Each member must be an object with "value" (the user\'s id).',
      );
    }
    return id.trim();
  });
}

/** The ids an Entra-style `members[value eq "…"]` path selects (or `or` of several). */
export function memberFilterIds(filter: Filter): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Filter): void => {
    if (node.kind === 'or') {
      walk(node.left);
      walk(node.right);
      return;
    }
    if (
      node.kind === 'compare' &&
      node.op === 'eq' &&
      lower(node.path.attr) === 'value' &&
      !node.path.sub &&
      !node.path.schema &&
      typeof node.value === 'string'
    ) {
      ids.add(node.value);
      return;
    }
    throw new ScimError(400, 'invalidFilter', {
      nb: 'Et medlemsfilter må ha formen members[value eq "<id>"].',
      en: 'A member filter must have the form members[value eq "<id>"].',
    });
  };
  walk(filter);
  return ids;
}

function addMembers(draft: Draft, ids: string[]): void {
  const present = new Set(draft.members);
  for (const id of ids) {
    if (!present.has(id)) {
      present.add(id);
      draft.members.push(id);
    }
  }
}

function setAttribute(draft: Draft, op: PatchOperation['op'], path: AttrPath, value: unknown, mode: Mode): void {
  schemaOf(path, groupSchema);
  const attr = lower(path.attr);
  if (path.filter && attr !== 'members') throw unknown(path, mode);
  switch (attr) {
    case 'displayname':
      if (path.sub) throw unknown(path, mode);
      if (op === 'remove' || value === null) throw invalidValue('«displayName» kan ikke fjernes.', '"displayName" cannot be removed.');
      draft.displayName = readText(value, 'displayName', 200);
      if (!draft.displayName) throw invalidValue('«displayName» kan ikke være tomt.', '"displayName" cannot be empty.');
      return;
    case 'externalid':
      if (path.sub) throw unknown(path, mode);
      draft.externalId = op === 'remove' ? null : readText(value, 'externalId', 200);
      return;
    case 'members': {
      if (path.sub) throw unknown(path, mode);
      if (path.filter) {
        if (op !== 'remove') {
          throw new ScimError(400, 'invalidPath', {
            nb: 'Et medlemsfilter i stien kan bare brukes med «remove».',
            en: 'A member filter in the path can only be used with "remove".',
          });
        }
        const selected = memberFilterIds(path.filter);
        draft.members = draft.members.filter((id) => !selected.has(id));
        return;
      }
      if (op === 'remove') {
        // Entra ID removes members with the ids in `value`; with no value, every member goes.
        if (value === undefined || value === null) draft.members = [];
        else {
          const removed = new Set(memberIds(value));
          draft.members = draft.members.filter((id) => !removed.has(id));
        }
        return;
      }
      if (op === 'replace') draft.members = [];
      addMembers(draft, memberIds(value));
      return;
    }
    case 'id':
    case 'meta':
    case 'schemas':
      throw new ScimError(400, 'mutability', { nb: `«${path.attr}» kan ikke endres.`, en: `"${path.attr}" cannot be changed.` });
  }
  throw unknown(path, mode);
}

function keyPath(key: string, mode: Mode): AttrPath {
  try {
    const path = parsePatchPath(key);
    if (path.filter) throw unknownAttribute(key);
    return path;
  } catch (error) {
    if (error instanceof ScimError && mode === 'body') throw unknownAttribute(key);
    throw error;
  }
}

function finish(draft: Draft): ScimGroupState {
  if (!draft.displayName) throw invalidValue('«displayName» mangler.', '"displayName" is required.');
  return { displayName: draft.displayName, externalId: draft.externalId, members: draft.members };
}

/** A whole Group as POST and PUT send it. */
export function parseGroupResource(body: unknown): ScimGroupState {
  if (!isPlainObject(body)) throw invalidSyntax('Forventet et JSON-objekt med en gruppe.', 'Expected a JSON object holding a Group.');
  const draft: Draft = { displayName: null, externalId: null, members: [] };
  let schemasSeen = false;
  for (const [key, value] of Object.entries(body)) {
    const name = lower(key);
    if (name === 'schemas') {
      checkSchemas(value, groupSchema);
      schemasSeen = true;
      continue;
    }
    if (name === 'id' || name === 'meta' || value === null) continue;
    bodyAttribute(key, () => setAttribute(draft, 'add', keyPath(key, 'body'), value, 'body'));
  }
  if (!schemasSeen) throw invalidSyntax(`«schemas» mangler; send ["${groupSchema}"].`, `"schemas" is missing; send ["${groupSchema}"].`);
  return finish(draft);
}

/** PATCH on a group, all or none. Entra ID sends `{ op: "Replace", value: { id, displayName } }` without a path. */
export function applyGroupPatch(state: ScimGroupState, groupId: string, operations: PatchOperation[]): ScimGroupState {
  const draft: Draft = { displayName: state.displayName, externalId: state.externalId, members: [...state.members] };
  applyPatchOperations(draft, operations, {
    set: (d, op, path, value) => setAttribute(d, op, path, value, 'patch'),
    keyPath: (key) => keyPath(key, 'patch'),
    parsePath: parsePatchPath,
    onId: (id) => {
      if (id !== groupId) throw new ScimError(400, 'mutability', { nb: '«id» kan ikke endres.', en: '"id" cannot be changed.' });
    },
  });
  return finish(draft);
}

/** A filter on Groups: displayName, externalId, id, and `members[value eq "…"]` / `members.value eq`. */
export function groupFilterCondition(filter: Filter): Condition {
  return compileFilter(
    filter,
    (path, value) => {
      filterSchemaOf(path, groupSchema);
      const attr = lower(path.attr);
      if (attr === 'members' && lower(path.sub) === 'value' && !path.filter && typeof value === 'string')
        return { kind: 'member', userId: value };
      if (path.sub || path.filter) throw unsupportedFilter(path);
      if (attr === 'displayname') return { kind: 'eq', column: 'display_name', caseInsensitive: true, value };
      if (attr === 'externalid') return { kind: 'eq', column: 'external_id', caseInsensitive: false, value };
      if (attr === 'id') return { kind: 'eq', column: 'id', caseInsensitive: false, value };
      throw unsupportedFilter(path);
    },
    (path, inner) => {
      if (lower(path.attr) !== 'members' || path.sub) throw unsupportedFilter(path);
      const ids = [...memberFilterIds(inner)];
      return ids.map((userId): Condition => ({ kind: 'member', userId })).reduce((left, right) => ({ kind: 'or', left, right }));
    },
  );
}

export interface ScimGroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function renderGroup(
  row: ScimGroupRow,
  members: { id: string; display_name: string }[] | null,
  baseUrl: string,
): Record<string, unknown> {
  return {
    schemas: [groupSchema],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    displayName: row.display_name,
    ...(members
      ? { members: members.map((m) => ({ value: m.id, display: m.display_name, $ref: `${baseUrl}/Users/${m.id}`, type: 'User' })) }
      : {}),
    meta: {
      resourceType: 'Group',
      created: row.created_at.toISOString(),
      lastModified: row.updated_at.toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
      version: `W/"${row.version}"`,
    },
  };
}
