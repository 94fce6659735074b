// The schema URNs and the attributes each resource knows, shared by parsing, PATCH and discovery.
import { ScimError, invalidSyntax, invalidValue } from './scim-error.js';
import type { AttrPath } from './scim-filter.js';

export const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const enterpriseSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const listResponseSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const patchOpSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * Core User attributes of RFC 7643 §4.1 that Knutepunkt accepts without storing: Entra ID's default
 * mappings send several of them (title, phoneNumbers, addresses, preferredLanguage …), and refusing
 * them would stop provisioning. Anything outside the schemas is refused as unknown.
 */
export const ignoredUserAttributes = new Set(
  [
    'name',
    'nickName',
    'profileUrl',
    'title',
    'userType',
    'preferredLanguage',
    'locale',
    'timezone',
    'password',
    'phoneNumbers',
    'ims',
    'photos',
    'addresses',
    'groups',
    'entitlements',
    'roles',
    'x509Certificates',
  ].map((name) => name.toLowerCase()),
);
export const nameSubAttributes = new Set(
  ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((n) => n.toLowerCase()),
);
/** Enterprise attributes other than employeeNumber: accepted, not stored. */
export const ignoredEnterpriseAttributes = new Set(
  ['costCenter', 'organization', 'division', 'department', 'manager'].map((n) => n.toLowerCase()),
);

export function lower(text: string | undefined): string {
  return (text ?? '').toLowerCase();
}

/** `urn:…:enterprise:2.0:User` parsed as a path splits at its last colon; put it back together. */
export function fullAttrName(path: AttrPath): string {
  return path.schema ? `${path.schema}:${path.attr}` : path.attr;
}

/** Which schema a qualified path names: the core one, the enterprise extension, or an unknown one (refused). */
export function schemaOf(path: AttrPath, core: string): 'core' | 'enterprise' {
  if (!path.schema || lower(path.schema) === lower(core)) return 'core';
  if (lower(path.schema) === lower(enterpriseSchema) && core === userSchema) return 'enterprise';
  throw new ScimError(400, 'invalidPath', {
    nb: `Skjemaet «${path.schema.slice(0, 200)}» støttes ikke.`,
    en: `The schema "${path.schema.slice(0, 200)}" is not supported.`,
  });
}

/** Entra ID sends booleans as the strings "True" and "False" unless the ?aadOptscim062020 flag is on. */
export function readBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw invalidValue(`«${attribute}» må være true eller false.`, `"${attribute}" must be true or false.`);
}

/** A string attribute: trimmed, null when empty, refused when not text or too long. */
export function readText(value: unknown, attribute: string, maxLength = 300): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalidValue(`«${attribute}» må være tekst.`, `"${attribute}" must be a string.`);
  const text = value.trim();
  if (text.length > maxLength)
    throw invalidValue(
      `«${attribute}» er for lang (høyst ${maxLength} tegn).`,
      `"${attribute}" is too long (at most ${maxLength} characters).`,
    );
  return text === '' ? null : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `schemas` a resource body lists: required, and must name the resource's core schema. */
export function checkSchemas(value: unknown, core: string): void {
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    throw invalidSyntax(`«schemas» må være en liste som inneholder «${core}».`, `"schemas" must be a list that includes "${core}".`);
  }
  if (!value.some((s) => lower(s as string) === lower(core))) {
    throw invalidSyntax(`«schemas» må inneholde «${core}».`, `"schemas" must include "${core}".`);
  }
}

export function unknownAttribute(name: string): ScimError {
  return invalidSyntax(`Ukjent attributt «${name.slice(0, 200)}».`, `Unknown attribute "${name.slice(0, 200)}".`);
}
