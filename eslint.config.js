// ESLint flat config. Type-aware rules are left to `tsc` (pnpm check); this lint guards style and,
// above all, the import boundaries of ARCHITECTURE.md: arrows point inward only.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

/** The domain may import fp-ts, io-ts and its own files: no framework, no database, no Node built-in. */
const domainBoundary = {
  patterns: [
    {
      // Anything that is not fp-ts, io-ts or a relative path (Node built-ins included).
      regex: '^(?!(fp-ts|io-ts)(/|$)|\\.{1,2}/)',
      message: 'packages/domain imports only fp-ts, io-ts and its own files (ARCHITECTURE.md, "Layout").',
    },
  ],
};

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'test/bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals instead of an enum.' },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    // Specs and their testkits (fast-check arbitraries, fixtures) may use test libraries.
    ignores: ['packages/domain/src/**/*.spec.ts', 'packages/domain/src/**/*.testkit.ts'],
    rules: { 'no-restricted-imports': ['error', domainBoundary] },
  },
  {
    // NestJS injects by the constructor's parameter types, read from decorator metadata at run time: an
    // `import type` would erase the class the injector needs.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
