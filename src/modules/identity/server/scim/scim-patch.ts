import { invalidValue } from './scim-error.js';
import type { AttrPath } from './scim-filter.js';
import { isPlainObject, lower } from './scim-schema.js';
import type { PatchOperation } from './scim-user.js';

/**
 * Applies PATCH operations to a resource's draft, for Users and Groups alike (RFC 7644 §3.5.2): with a
 * path, to that attribute; without one (as Entra ID sends it), `value` is an object of attributes,
 * each set as if it were the path. `schemas` and `meta` in it are ignored; `id` goes to `onId`.
 */
export function applyPatchOperations<D>(
  draft: D,
  operations: PatchOperation[],
  resource: {
    set: (draft: D, op: PatchOperation['op'], path: AttrPath, value: unknown) => void;
    keyPath: (key: string) => AttrPath;
    parsePath: (path: string) => AttrPath;
    onId: (value: unknown) => void;
  },
): void {
  for (const { op, path, value } of operations) {
    if (path !== undefined) {
      resource.set(draft, op, resource.parsePath(path), value);
      continue;
    }
    if (!isPlainObject(value))
      throw invalidValue(
        'Uten «path» må «value» være et objekt med attributter.',
        'Without a "path", "value" must be an object of attributes.',
      );
    for (const [key, child] of Object.entries(value)) {
      const name = lower(key);
      if (name === 'schemas' || name === 'meta') continue;
      if (name === 'id') resource.onId(child);
      else resource.set(draft, op, resource.keyPath(key), child);
    }
  }
}
