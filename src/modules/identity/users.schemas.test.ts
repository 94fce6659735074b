import { describe, expect, it } from 'vitest';
import { roles } from '../../kernel/index.js';
import { roleNames } from './users.schemas.js';

// The web cannot import the kernel, so the shared schemas keep their own list of roles: it must be the kernel's.
describe('roleNames', () => {
  it('lists exactly the kernel’s roles, in the same order', () => {
    expect([...roleNames]).toEqual([...roles]);
  });
});
