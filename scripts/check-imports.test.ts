import { describe, expect, it } from 'vitest';
import { checkImports, readImports, type SourceImports } from './check-imports.js';

function check(file: string, ...specifiers: string[]) {
  const files: SourceImports[] = [{ file, imports: specifiers.map((specifier, i) => ({ specifier, line: i + 1 })) }];
  return checkImports(files).map((v) => `${v.file}:${v.line}: ${v.rule}`);
}

describe('check-imports', () => {
  it('reads import, export-from and dynamic imports with their lines, not those in comments', () => {
    const text = [
      "import type { A } from './a.js';",
      'import {',
      '  b,',
      "} from '../b';",
      "// import { c } from './commented.js';",
      "export { d } from './d.js';",
      "const e = await import('./e.js');",
    ].join('\n');
    expect(readImports(text)).toEqual([
      { specifier: './a.js', line: 1 },
      { specifier: '../b', line: 4 },
      { specifier: './d.js', line: 6 },
      { specifier: './e.js', line: 7 },
    ]);
  });

  it('accepts the allowed directions', () => {
    expect(check('src/kernel/db/database.ts', './schema.js', '../config/config.js', 'kysely', 'node:path')).toEqual([]);
    expect(
      check('src/modules/audit/server/audit.routes.ts', '../../../kernel/index.js', '../../accounts/index.js', './audit.queries.js'),
    ).toEqual([]);
    expect(check('src/app.ts', './kernel/index.js', './modules/accounts/index.js', './modules.js')).toEqual([]);
    expect(
      check(
        'src/web/router.tsx',
        './api/session',
        '../modules/organisation/web/organisation.page',
        '../modules/accounts/accounts.schemas.js',
        'react',
      ),
    ).toEqual([]);
    expect(check('src/modules/places/web/places.page.tsx', '../../../web/components/planned-module-page', '../places.schemas')).toEqual([]);
  });

  it('(a) keeps the kernel free of modules and of the composition root', () => {
    expect(check('src/kernel/http/app.ts', '../../modules/accounts/index.js', '../../app.js', '../../modules.js')).toEqual([
      'src/kernel/http/app.ts:1: the kernel must not import the accounts module; modules depend on the kernel, not the other way',
      'src/kernel/http/app.ts:2: the kernel must not import src/app.js; modules depend on the kernel, not the other way',
      'src/kernel/http/app.ts:3: the kernel must not import src/modules.js; modules depend on the kernel, not the other way',
    ]);
    expect(check('src/kernel/db/migrate.int.test.ts', '../../app.js')).toEqual([]);
  });

  it('(b) lets a module reach another only through its index.ts', () => {
    expect(
      check('src/modules/audit/server/audit.routes.ts', '../../accounts/server/accounts.queries.js', '../../accounts/accounts.schemas.js'),
    ).toEqual([
      'src/modules/audit/server/audit.routes.ts:1: import the accounts module through src/modules/accounts/index.ts (or its *.schemas.ts), not src/modules/accounts/server/accounts.queries.js',
    ]);
  });

  it('(c) keeps kernel, server code and Node built-ins out of browser code', () => {
    expect(
      check(
        'src/web/api/client.ts',
        '../../kernel/index.js',
        '../../modules/accounts/server/sign-in.js',
        '../../modules/accounts/index.js',
        'node:crypto',
        'fs',
        '../../app.js',
      ),
    ).toEqual([
      'src/web/api/client.ts:1: browser code must not import the kernel (src/kernel/index.js)',
      'src/web/api/client.ts:2: browser code must not import server code (src/modules/accounts/server/sign-in.js)',
      'src/web/api/client.ts:3: browser code may import from a module only its web/ folder and *.schemas.ts files, not src/modules/accounts/index.js',
      'src/web/api/client.ts:4: browser code must not import the Node built-in "node:crypto"',
      'src/web/api/client.ts:5: browser code must not import the Node built-in "fs"',
      'src/web/api/client.ts:6: browser code must not import server code (src/app.js)',
    ]);
    // Schemas are shared with the browser, so they follow the browser's rules.
    expect(check('src/modules/accounts/accounts.schemas.ts', 'typebox', '../../kernel/index.js')).toEqual([
      'src/modules/accounts/accounts.schemas.ts:2: browser code must not import the kernel (src/kernel/index.js)',
    ]);
  });
});
