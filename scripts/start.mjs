// `npm start`: rebuilds the web app if its sources are newer than the build, then runs the server
// from its TypeScript sources (tsx), in this same process so signals reach it directly.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'server' || entry.name === 'migrations' || entry.name === 'kernel') continue;
      newest = Math.max(newest, newestSource(full));
    } else if (/\.(tsx?|css|html|svg|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
if (builtAt < newestSource(path.join(root, 'src'))) {
  process.stdout.write('Building the web app (its sources changed since the last build)…\n');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

register();
await import('../src/server.ts');
