// `npm start`: rebuilds what is older than its sources (the web app, the compiled server), then
// runs the compiled server in this same process, so signals reach it directly.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The newest modification time of the files under `dir` that `include` accepts. */
function newest(dir, include) {
  let time = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(full, include));
    else if (include(full) && !/\.test\.ts$/.test(entry.name)) time = Math.max(time, fs.statSync(full).mtimeMs);
  }
  return time;
}

function builtAt(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

const isWeb = (file) => /[/\\]web[/\\]/.test(file) || /\.schemas\.ts$/.test(file);
const src = path.join(root, 'src');

if (builtAt(path.join(root, 'dist/web/index.html')) < newest(src, (f) => isWeb(f) && /\.(tsx?|css|html|svg|json)$/.test(f))) {
  process.stdout.write('Building the web app (its sources changed since the last build)…\n');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
const serverEntry = path.join(root, 'dist/server/server.js');
if (builtAt(serverEntry) < newest(src, (f) => !/[/\\]web[/\\]/.test(f) && /\.(ts|sql|json)$/.test(f))) {
  process.stdout.write('Compiling the server (its sources changed since the last build)…\n');
  execSync('node scripts/build-server.mjs', { cwd: root, stdio: 'inherit' });
}

await import(serverEntry);
