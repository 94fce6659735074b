import { describe, expect, it } from 'vitest';
import { ScimError } from './scim-error.js';
import { parseFilter, parsePatchPath } from './scim-filter.js';
import { groupFilterCondition } from './scim-group.js';
import { userFilterCondition } from './scim-user.js';

function scimTypeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return `${error.status} ${error.scimType}`;
    throw error;
  }
  return 'no error';
}

describe('SCIM filter parser', () => {
  it('reads the filters Entra ID and RFC 7644 send', () => {
    expect(parseFilter('userName eq "bjensen"')).toEqual({ kind: 'compare', path: { attr: 'userName' }, op: 'eq', value: 'bjensen' });
    expect(parseFilter('externalId EQ "a\\"b"')).toMatchObject({ op: 'eq', value: 'a"b' });
    expect(parseFilter('emails[type eq "work"].value eq "b@example.no"')).toEqual({
      kind: 'compare',
      path: { attr: 'emails', filter: { kind: 'compare', path: { attr: 'type' }, op: 'eq', value: 'work' }, sub: 'value' },
      op: 'eq',
      value: 'b@example.no',
    });
    expect(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701"')).toMatchObject({
      path: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attr: 'employeeNumber' },
    });
    expect(parseFilter('title pr and (userType eq "Employee" or not (active eq false))')).toMatchObject({
      kind: 'and',
      left: { kind: 'present' },
      right: { kind: 'or', right: { kind: 'not', filter: { value: false } } },
    });
    expect(parseFilter('members[value eq "x"]')).toMatchObject({ kind: 'has', path: { attr: 'members' } });
  });

  it('binds and tighter than or', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
  });

  it.each([
    ['', 'empty'],
    ['userName eq', 'no value'],
    ['userName eq "open', 'unterminated string'],
    ['userName equals "x"', 'unknown operator'],
    ['userName eq "x" and', 'dangling and'],
    ['(userName eq "x"', 'missing parenthesis'],
    ['userName eq x', 'bare word as value'],
    ['userName eq "x" extra', 'trailing text'],
    ['emails[type eq "work"', 'missing bracket'],
    ['user;Name eq "x"', 'bad character'],
    ['a.b.c eq "x"', 'too deep a path'],
    ['('.repeat(50) + 'a eq 1' + ')'.repeat(50), 'nested too deep'],
  ])('refuses %j (%s) as invalidFilter', (filter) => {
    expect(scimTypeOf(() => parseFilter(filter))).toBe('400 invalidFilter');
  });

  it('narrows a user filter to equality on kept attributes', () => {
    expect(userFilterCondition(parseFilter('userName eq "A" and externalId eq "b"'))).toEqual({
      kind: 'and',
      left: { kind: 'eq', column: 'username', caseInsensitive: true, value: 'A' },
      right: { kind: 'eq', column: 'external_id', caseInsensitive: false, value: 'b' },
    });
    expect(userFilterCondition(parseFilter('emails[type eq "work"].value eq "x@y.no"'))).toMatchObject({ column: 'email' });
    expect(userFilterCondition(parseFilter('emails[type eq "home"].value eq "x@y.no"'))).toEqual({ kind: 'none' });
    expect(userFilterCondition(parseFilter('USERNAME eq "a"'))).toMatchObject({ column: 'username' });
  });

  it.each(['userName sw "a"', 'title eq "x"', 'nope eq "x"', 'userName pr', 'not (userName eq "a")', 'urn:example:x:User:y eq "1"'])(
    'refuses the unsupported user filter %j as invalidFilter',
    (filter) => {
      expect(scimTypeOf(() => userFilterCondition(parseFilter(filter)))).toBe('400 invalidFilter');
    },
  );

  it('reads group filters, the member filter included', () => {
    expect(groupFilterCondition(parseFilter('displayName eq "KP-Ledere"'))).toMatchObject({
      column: 'display_name',
      caseInsensitive: true,
    });
    expect(groupFilterCondition(parseFilter('id eq "g" and members[value eq "u"]'))).toMatchObject({
      kind: 'and',
      right: { kind: 'member', userId: 'u' },
    });
  });
});

describe('SCIM PATCH paths', () => {
  it('reads attribute, sub-attribute, URN and value-filter paths', () => {
    expect(parsePatchPath('active')).toEqual({ attr: 'active' });
    expect(parsePatchPath('name.givenName')).toEqual({ attr: 'name', sub: 'givenName' });
    expect(parsePatchPath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber')).toEqual({
      schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      attr: 'employeeNumber',
    });
    expect(parsePatchPath('emails[type eq "work"].value')).toMatchObject({ attr: 'emails', sub: 'value', filter: { value: 'work' } });
    expect(parsePatchPath('members[value eq "2819c223-7f76-453a-919d-413861904646"]')).toMatchObject({
      attr: 'members',
      filter: { kind: 'compare' },
    });
  });

  it.each(['', 'emails[type eq "work"', 'name.given.name', 'members[value eq "x"] extra', '[x]', 'a b'])(
    'refuses %j as invalidPath',
    (path) => {
      expect(scimTypeOf(() => parsePatchPath(path))).toBe('400 invalidPath');
    },
  );
});
