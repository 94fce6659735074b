// Compiles the server's TypeScript to plain JavaScript in dist/server (same tree as src/, one file
// for one file, no bundling), and copies the migrations and datasets beside it. Started from
// compiled files, the server skips a TypeScript loader that costs seconds at every start.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist/server');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' ? [] : walk(full);
    return [full];
  });
}

const files = walk(src);
const entryPoints = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/\.test\.ts$/.test(f));
const assets = files.filter((f) => /\.(sql|json)$/.test(f));

fs.rmSync(out, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: out,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const asset of assets) {
  const target = path.join(out, path.relative(src, asset));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(asset, target);
}
fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
