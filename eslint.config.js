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
    // One CSV writer (src/kernel/export/table-export.ts: cellsToCsv, toCsv, sendTableExport): it
    // neutralises cells a spreadsheet would run as formulas. A byte order mark, fields joined with
    // `;`, lines with CRLF or a text/csv header written by hand is a CSV writer of its own.
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/kernel/export/table-export.ts', '**/web/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'Literal[value=/\\uFEFF/]',
          'TemplateElement[value.cooked=/\\uFEFF/]',
          'Literal[value=/^text.csv;/i]',
          "CallExpression[callee.property.name='join'][arguments.0.value=/^(;|\\r\\n)$/]",
          "CallExpression[callee.property.name='header'][arguments.1.value=/text.csv/i]",
          "CallExpression[callee.property.name='type'][arguments.0.value=/text.csv/i]",
        ].map((selector) => ({
          selector,
          message:
            'Write CSV with the kernel (cellsToCsv, toCsv or sendTableExport in src/kernel/export/table-export.ts, and exportContentTypes.csv): it neutralises formulas (CSV injection).',
        })),
      ],
    },
  },
  {
    rules: {
      // `_name` marks a parameter that a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
