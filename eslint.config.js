// Lint rules that keep the layers apart and promises handled (see ../docs/architecture.md).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'bench/**', '.ci/**', 'scripts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['packages/*/src/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The States Language library is pure: no server code, no I/O, no clocks, no timers.
    files: ['packages/asl/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**', 'node:http', 'node:fs', 'node:net', 'node:child_process', 'better-sqlite3'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The interpreter takes time from its caller.' },
        { object: 'Math', property: 'random', message: 'The interpreter takes randomness from its caller.' },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'setImmediate'],
    },
  },
  {
    // The wire layer knows no service; services reach storage only through the ports.
    files: ['packages/server/src/protocols/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/services/**', '**/storage/**', '**/http/**'] }],
    },
  },
  {
    files: ['packages/server/src/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/storage/sqlite/**', '**/storage/postgres/**', '**/http/**', 'node:http'] }],
    },
  },
  {
    files: ['packages/server/src/services/*/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/storage/sqlite/**', '**/http/**', 'node:http', '../api/**', '../runtime.js'] }],
    },
  },
  {
    files: ['packages/server/src/storage/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.case.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/services/**', '**/http/**', '**/protocols/**'] }],
    },
  },
);
