import { describe, expect, it } from 'vitest';
import { ScimError } from './scim-error.js';
import { applyGroupPatch, parseGroupResource } from './scim-group.js';
import { applyUserPatch, parsePatchBody, parseUserResource, type ScimUserState } from './scim-user.js';

const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const user: ScimUserState = {
  userName: 'kari@drammen.kommune.no',
  displayName: 'Kari Nordmann',
  email: 'kari@drammen.kommune.no',
  externalId: 'obj-1',
  employeeNumber: '1001',
  active: true,
};

function patch(state: ScimUserState, ...operations: unknown[]): ScimUserState {
  return applyUserPatch(state, parsePatchBody({ schemas: [patchOp], Operations: operations }));
}

function refusal(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof ScimError) return `${error.status} ${error.scimType}`;
    throw error;
  }
}

describe('PATCH on a user', () => {
  it('takes op in any case and active as the string "False" (Entra ID without the 2020 flag)', () => {
    expect(patch(user, { op: 'Replace', path: 'active', value: 'False' }).active).toBe(false);
    expect(patch({ ...user, active: false }, { op: 'replace', path: 'active', value: 'True' }).active).toBe(true);
    expect(patch(user, { op: 'replace', path: 'active', value: false }).active).toBe(false);
  });

  it('applies a pathless value object with dotted and enterprise URN keys', () => {
    const next = patch(user, {
      op: 'Replace',
      value: {
        displayName: 'Kari N. Hansen',
        'name.givenName': 'Kari',
        'name.familyName': 'Hansen',
        [`${enterprise}:employeeNumber`]: '2002',
        'emails[type eq "work"].value': 'kari.hansen@drammen.kommune.no',
        active: 'False',
      },
    });
    expect(next).toEqual({
      ...user,
      displayName: 'Kari N. Hansen',
      employeeNumber: '2002',
      email: 'kari.hansen@drammen.kommune.no',
      active: false,
    });
  });

  it('handles the work e-mail path and the enterprise extension as an object', () => {
    expect(patch(user, { op: 'Add', path: 'emails[type eq "work"].value', value: 'ny@drammen.kommune.no' }).email).toBe(
      'ny@drammen.kommune.no',
    );
    expect(patch(user, { op: 'remove', path: 'emails[type eq "work"].value' }).email).toBeNull();
    expect(patch(user, { op: 'add', path: 'emails[type eq "home"].value', value: 'home@example.no' }).email).toBe(user.email);
    expect(patch(user, { op: 'replace', path: 'emails', value: [{ value: 'a@b.no', type: 'work', primary: true }] }).email).toBe('a@b.no');
    expect(patch(user, { op: 'replace', path: enterprise, value: { employeeNumber: '3003', department: 'IT' } }).employeeNumber).toBe(
      '3003',
    );
    expect(patch(user, { op: 'remove', path: `${enterprise}:employeeNumber` }).employeeNumber).toBeNull();
  });

  it('accepts core attributes it does not keep, and removing displayName falls back to the userName', () => {
    expect(
      patch(user, { op: 'replace', path: 'title', value: 'Rektor' }, { op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '1' }),
    ).toEqual(user);
    expect(patch(user, { op: 'remove', path: 'displayName' }).displayName).toBeNull();
  });

  it('refuses what cannot be applied, with the RFC scimType', () => {
    expect(refusal(() => patch(user, { op: 'replace', path: 'favouriteColour', value: 'blue' }))).toBe('400 invalidPath');
    expect(refusal(() => patch(user, { op: 'replace', value: { favouriteColour: 'blue' } }))).toBe('400 invalidPath');
    expect(refusal(() => patch(user, { op: 'replace', path: 'urn:example:custom:User:x', value: 1 }))).toBe('400 invalidPath');
    expect(refusal(() => patch(user, { op: 'replace', path: 'active', value: 'maybe' }))).toBe('400 invalidValue');
    expect(refusal(() => patch(user, { op: 'remove', path: 'userName' }))).toBe('400 invalidValue');
    expect(refusal(() => patch(user, { op: 'replace', path: 'id', value: 'x' }))).toBe('400 mutability');
    expect(refusal(() => patch(user, { op: 'remove' }))).toBe('400 noTarget');
    expect(refusal(() => patch(user, { op: 'move', path: 'active', value: true }))).toBe('400 invalidSyntax');
    expect(refusal(() => patch(user, { op: 'replace', path: 'emails[type eq "work"', value: 'x' }))).toBe('400 invalidPath');
    expect(refusal(() => parsePatchBody({ Operations: [] }))).toBe('400 invalidSyntax');
  });
});

describe('a User body', () => {
  it('reads a create as Entra ID sends it', () => {
    expect(
      parseUserResource({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
        externalId: 'obj-9',
        userName: 'Ola@drammen.kommune.no',
        active: true,
        emails: [{ primary: true, type: 'work', value: 'ola@drammen.kommune.no' }],
        meta: { resourceType: 'User' },
        name: { formatted: 'Ola Nordmann', familyName: 'Nordmann', givenName: 'Ola' },
        roles: [],
        [enterprise]: { employeeNumber: '9009', department: 'Skole' },
      }),
    ).toEqual({
      userName: 'Ola@drammen.kommune.no',
      displayName: 'Ola Nordmann',
      email: 'ola@drammen.kommune.no',
      externalId: 'obj-9',
      employeeNumber: '9009',
      active: true,
    });
  });

  it('refuses an unknown attribute and a missing userName', () => {
    const schemas = ['urn:ietf:params:scim:schemas:core:2.0:User'];
    expect(refusal(() => parseUserResource({ schemas, userName: 'a', shoeSize: 44 }))).toBe('400 invalidSyntax');
    expect(refusal(() => parseUserResource({ schemas, displayName: 'A' }))).toBe('400 invalidValue');
    expect(refusal(() => parseUserResource({ userName: 'a' }))).toBe('400 invalidSyntax');
    expect(refusal(() => parseUserResource([]))).toBe('400 invalidSyntax');
  });
});

describe('PATCH on a group', () => {
  const group = parseGroupResource({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'KP-Ledere',
    members: [{ value: 'u1' }, { value: 'u2' }],
  });
  const apply = (...operations: unknown[]) => applyGroupPatch(group, 'g1', parsePatchBody({ schemas: [patchOp], Operations: operations }));

  it('adds, removes (by value list and by members[value eq]) and replaces members', () => {
    expect(apply({ op: 'Add', path: 'members', value: [{ value: 'u3' }, { value: 'u1' }] }).members).toEqual(['u1', 'u2', 'u3']);
    expect(apply({ op: 'Remove', path: 'members', value: [{ value: 'u1' }] }).members).toEqual(['u2']);
    expect(apply({ op: 'remove', path: 'members[value eq "u2"]' }).members).toEqual(['u1']);
    expect(apply({ op: 'replace', path: 'members', value: [{ value: 'u9' }] }).members).toEqual(['u9']);
    expect(apply({ op: 'remove', path: 'members' }).members).toEqual([]);
  });

  it('renames, with or without a path (Entra ID sends the id along)', () => {
    expect(apply({ op: 'Replace', path: 'displayName', value: 'KP-Rektorer' }).displayName).toBe('KP-Rektorer');
    expect(apply({ op: 'Replace', value: { id: 'g1', displayName: 'KP-Rektorer' } }).displayName).toBe('KP-Rektorer');
    expect(refusal(() => apply({ op: 'Replace', value: { id: 'other', displayName: 'x' } }))).toBe('400 mutability');
    expect(refusal(() => apply({ op: 'add', path: 'members[value eq "u2"]', value: [] }))).toBe('400 invalidPath');
    expect(refusal(() => apply({ op: 'remove', path: 'members[display eq "x"]' }))).toBe('400 invalidFilter');
  });
});
