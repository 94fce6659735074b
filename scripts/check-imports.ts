// `tsx scripts/check-imports.ts` (part of `npm run check`): the architecture's import rules.
//   (a) the kernel never imports a module, nor the composition root (src/app.ts, src/modules.ts)
//       (its tests may: they assemble the whole application);
//   (b) a module uses another module only through that module's index.ts (or the *.schemas.ts
//       files it shares with the browser);
//   (c) browser code (src/web, src/modules/*/web, and the *.schemas.ts files it shares with the
//       server) never imports the kernel, server code or Node built-ins: they would end up in, or
//       break, the browser bundle;
//   (d) the web shell (src/web) reaches a module's web code only through that module's web/index.ts,
//       and only from src/web/modules.ts, the shell's list of modules (it may still import the
//       *.schemas.ts files): no shell file imports a module's pages, routes or parts directly;
//   (e) no module imports the shell's composition (src/web/router.tsx, src/web/modules.ts,
//       src/web/main.tsx): modules hang their routes on src/web/routing.ts, and the shell lists them;
//   (f) the kit (src/web/components) never imports a module, not even its schemas: it serves all of them.
// Prints each violation as `file:line: rule` and exits 1 if there is any.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface SourceImports {
  /** Repository-relative, with forward slashes: `src/kernel/index.ts`. */
  file: string;
  imports: { specifier: string; line: number }[];
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
}

/** The import, export-from and dynamic import specifiers of one file, with their line numbers. */
export function readImports(text: string): SourceImports['imports'] {
  // TypeScript's own pre-processor: it skips comments and strings, which a regex would not.
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((ref) => ({ specifier: ref.fileName, line: text.slice(0, ref.pos).split('\n').length }));
}

const builtins = new Set(builtinModules);
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1];
const isWeb = (file: string) => file.startsWith('src/web/') || /^src\/modules\/[^/]+\/web\//.test(file);
const isSchemas = (file: string) => /^src\/modules\/[^/]+\/[^/]+\.schemas(\.[jt]s)?$/.test(file);
const withoutExtension = (file: string) => file.replace(/\.(ts|tsx|js|jsx|mjs)$/, '');
/** The shell's own files that compose the modules; no module may import them. */
const shellComposition = new Set(['src/web/router', 'src/web/modules', 'src/web/main']);

export function checkImports(files: SourceImports[]): Violation[] {
  const violations: Violation[] = [];
  for (const { file, imports } of files) {
    const fromModule = moduleOf(file);
    const browser = isWeb(file) || isSchemas(file);
    // A kernel test may assemble the whole application to test the kernel in it; tests ship nowhere.
    const isTest = /\.test\.tsx?$/.test(file);
    for (const { specifier, line } of imports) {
      const report = (rule: string) => violations.push({ file, line, rule });
      const relative = specifier.startsWith('./') || specifier.startsWith('../');

      if (!relative) {
        if (browser && (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!))) {
          report(`browser code must not import the Node built-in "${specifier}"`);
        }
        continue;
      }

      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const bare = withoutExtension(target);
      const toModule = moduleOf(`${bare}/`);

      if (file.startsWith('src/kernel/') && !isTest && (toModule || bare === 'src/app' || bare === 'src/modules')) {
        report(
          `the kernel must not import ${toModule ? `the ${toModule} module` : target}; modules depend on the kernel, not the other way`,
        );
      }
      if (fromModule && toModule && toModule !== fromModule && bare !== `src/modules/${toModule}/index` && !isSchemas(target)) {
        report(`import the ${toModule} module through src/modules/${toModule}/index.ts (or its *.schemas.ts), not ${target}`);
      }
      if (file.startsWith('src/web/') && toModule) {
        if (file.startsWith('src/web/components/')) {
          report(`the kit (src/web/components) must not import a module (${target}); pass what it needs in props`);
        } else if (isWeb(target) && !(withoutExtension(file) === 'src/web/modules' && bare === `src/modules/${toModule}/web/index`)) {
          report(
            `the shell reaches a module's web code only through src/web/modules.ts and src/modules/${toModule}/web/index.ts, not ${target}`,
          );
        }
      }
      if (fromModule && shellComposition.has(bare)) {
        report(`a module must not import ${target}: hang routes on src/web/routing.ts and let src/web/modules.ts list the module`);
      }
      if (browser) {
        if (target === 'src/kernel' || target.startsWith('src/kernel/')) report(`browser code must not import the kernel (${target})`);
        else if (target.split('/').includes('server')) report(`browser code must not import server code (${target})`);
        else if (toModule && !isWeb(target) && !isSchemas(target)) {
          report(`browser code may import from a module only its web/ folder and *.schemas.ts files, not ${target}`);
        } else if (target.startsWith('src/') && !toModule && !isWeb(target)) report(`browser code must not import server code (${target})`);
      }
    }
  }
  return violations;
}

/** Every .ts/.tsx file under `dir`, repository-relative. */
function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...sourceFiles(root, relative));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(relative);
  }
  return found;
}

function main(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const files = sourceFiles(root, 'src').map((file) => ({ file, imports: readImports(fs.readFileSync(path.join(root, file), 'utf8')) }));
  const violations = checkImports(files);
  for (const v of violations) process.stdout.write(`${v.file}:${v.line}: ${v.rule}\n`);
  if (violations.length > 0) {
    process.stdout.write(`\n${violations.length} import(s) break the architecture's rules (see scripts/check-imports.ts).\n`);
    process.exit(1);
  }
  process.stdout.write(`Imports follow the architecture's rules (${files.length} files).\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
