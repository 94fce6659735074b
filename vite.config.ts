import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web shell lives in src/web; module pages under src/modules/*/web are
// imported from there. Vite's default fs.allow (the repo root, found from
// package.json) lets the dev server read both.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: {
        // @digdir/designsystemet-react does not declare "sideEffects": false,
        // so by default every component (Combobox with floating-ui, virtual
        // lists, …) lands in the first load even if unused. Its modules have
        // no side effects of their own (the custom elements live in
        // @digdir/designsystemet-web, imported in main.tsx), so let the
        // bundler drop what we do not use: about 35 kB gzip less.
        moduleSideEffects: (id) => !id.includes('/node_modules/@digdir/designsystemet-react/'),
      },
    },
  },
  server: {
    // During development the Fastify server runs separately on port 3000.
    // (So no folder directly in src/web may be named "api": the proxy would take its files.)
    proxy: { '/api': 'http://localhost:3000' },
  },
});
