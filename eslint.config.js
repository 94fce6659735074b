// `eslint .` (part of `npm run check`). Not type-checked, for speed: tsc already checks types.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The few Node globals our plain .js/.mjs files use (the .ts files get theirs from tsc).
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'data/', '.tmp/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Hooks live in .tsx components and in .ts files beside them (src/web/api/*.ts).
    files: ['**/*.tsx', 'src/web/**/*.ts', 'src/modules/*/web/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      // `_name` marks a parameter that a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
