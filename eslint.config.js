// ESLint (flat config), part of `npm run check` and so of `npm test`.
// - JavaScript's and typescript-eslint's recommended rules;
// - type-aware where a mistake loses work silently: a promise nobody awaits or catches (no-floating-promises), a
//   promise passed where a plain callback is expected (no-misused-promises);
// - no import cycles (import-x/no-cycle), resolving the `@/` alias through tsconfig.json like WXT and Vite do.
// Formatting is prettier's job (.prettierrc.json), not ESLint's.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'demo-output/',
      'test-results/',
      'reports/',
      '.stryker-tmp/',
      '.profile-*/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value left out on purpose (a rest sibling, a positional argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Not on arguments: extension event listeners may be async (runtime.onMessage's answer is the promise),
      // and a rejected listener only logs; the promises Windsock itself starts are covered by no-floating-promises.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Node scripts and configs.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
