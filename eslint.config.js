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
