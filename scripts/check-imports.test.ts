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
      check('src/web/router.tsx', './data/session', './modules', './routing', '../modules/accounts/accounts.schemas.js', 'react'),
    ).toEqual([]);
    expect(check('src/web/modules.ts', '../modules/organisation/web/index', '../modules/places/web/index.ts', './routing')).toEqual([]);
    expect(check('src/modules/places/web/routes.ts', '../../../web/routing', './api', './search-params')).toEqual([]);
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

  it("(d) lets the shell reach a module's web code only through src/web/modules.ts and the module's web/index.ts", () => {
    expect(
      check(
        'src/web/router.tsx',
        '../modules/organisation/web/organisation.page',
        '../modules/places/web/routes',
        '../modules/places/web/index',
        '../modules/audit/audit.schemas',
      ),
    ).toEqual([
      "src/web/router.tsx:1: the shell reaches a module's web code only through src/web/modules.ts and src/modules/organisation/web/index.ts, not src/modules/organisation/web/organisation.page",
      "src/web/router.tsx:2: the shell reaches a module's web code only through src/web/modules.ts and src/modules/places/web/index.ts, not src/modules/places/web/routes",
      "src/web/router.tsx:3: the shell reaches a module's web code only through src/web/modules.ts and src/modules/places/web/index.ts, not src/modules/places/web/index",
    ]);
    expect(check('src/web/modules.ts', '../modules/steering/web/budget.page')).toEqual([
      "src/web/modules.ts:1: the shell reaches a module's web code only through src/web/modules.ts and src/modules/steering/web/index.ts, not src/modules/steering/web/budget.page",
    ]);
    expect(check('src/web/pages/audit-log/audit-api.ts', '../../../modules/audit/audit.schemas')).toEqual([]);
  });

  it("(e) keeps modules away from the router and the shell's list of modules", () => {
    expect(
      check(
        'src/modules/audit/web/audit.page.tsx',
        '../../../web/router',
        '../../../web/modules.ts',
        '../../../web/main',
        '../../../web/routing',
        '../../../web/components/page',
      ),
    ).toEqual([
      'src/modules/audit/web/audit.page.tsx:1: a module must not import src/web/router: hang routes on src/web/routing.ts and let src/web/modules.ts list the module',
      'src/modules/audit/web/audit.page.tsx:2: a module must not import src/web/modules.ts: hang routes on src/web/routing.ts and let src/web/modules.ts list the module',
      'src/modules/audit/web/audit.page.tsx:3: a module must not import src/web/main: hang routes on src/web/routing.ts and let src/web/modules.ts list the module',
    ]);
  });

  it('(f) keeps modules out of the kit', () => {
    expect(
      check(
        'src/web/components/write-error.tsx',
        '../../modules/places/web/ui',
        '../../modules/accounts/accounts.schemas',
        '../data/client',
        './status',
      ),
    ).toEqual([
      'src/web/components/write-error.tsx:1: the kit (src/web/components) must not import a module (src/modules/places/web/ui); pass what it needs in props',
      'src/web/components/write-error.tsx:2: the kit (src/web/components) must not import a module (src/modules/accounts/accounts.schemas); pass what it needs in props',
    ]);
  });
});
