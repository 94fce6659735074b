// A parsed filter narrowed to what the database is asked: equality on kept attributes, and/or.
import { ScimError } from './scim-error.js';
import type { AttrPath, Filter, FilterValue } from './scim-filter.js';
import { fullAttrName, schemaOf } from './scim-schema.js';

export type Condition =
  | { kind: 'eq'; column: string; caseInsensitive: boolean; value: FilterValue }
  | { kind: 'active'; value: boolean }
  /** A group that has this user as a member. */
  | { kind: 'member'; userId: string }
  /** Matches nothing (an id that is no id, an e-mail type that is not kept). */
  | { kind: 'none' }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export function unsupportedFilter(path: AttrPath): ScimError {
  const name = fullAttrName(path) + (path.sub ? `.${path.sub}` : '');
  return new ScimError(400, 'invalidFilter', {
    nb: `Filtrering på «${name.slice(0, 200)}» støttes ikke.`,
    en: `Filtering on "${name.slice(0, 200)}" is not supported.`,
  });
}

/** schemaOf, with an unknown schema refused as a filter problem rather than a path problem. */
export function filterSchemaOf(path: AttrPath, core: string): 'core' | 'enterprise' {
  try {
    return schemaOf(path, core);
  } catch {
    throw unsupportedFilter(path);
  }
}

/** Walks a filter: `eq` leaves through `leaf`, and/or kept; anything else (ne, co, sw, pr, not …) refused. */
export function compileFilter(
  filter: Filter,
  leaf: (path: AttrPath, value: FilterValue) => Condition,
  has?: (path: AttrPath, filter: Filter) => Condition,
): Condition {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, left: compileFilter(filter.left, leaf, has), right: compileFilter(filter.right, leaf, has) };
    case 'has':
      if (has) return has(filter.path, filter.filter);
      throw unsupportedFilter(filter.path);
    case 'compare':
      if (filter.op !== 'eq') {
        throw new ScimError(400, 'invalidFilter', {
          nb: `Operatoren «${filter.op}» støttes ikke; bruk «eq», «and» og «or».`,
          en: `The operator "${filter.op}" is not supported; use "eq", "and" and "or".`,
        });
      }
      return leaf(filter.path, filter.value);
    default:
      throw new ScimError(400, 'invalidFilter', {
        nb: `«${filter.kind}» støttes ikke i filtre; bruk «eq», «and» og «or».`,
        en: `"${filter.kind}" is not supported in filters; use "eq", "and" and "or".`,
      });
  }
}
