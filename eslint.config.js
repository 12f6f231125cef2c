import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'worker_threads'];

/** Layer boundaries (STYLE.md): shared is pure, the core knows no Electron or React, the renderer knows no Node, Electron or main. */
const boundary = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'resources/migrations/**', 'bench/results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: boundary(['electron', 'react', 'react-dom', '@mantine/*', 'better-sqlite3', 'drizzle-orm*', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared is pure: no Node, Electron, React, database or other layers.'),
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: boundary(['electron', 'react', 'react-dom', '@mantine/*', '**/renderer/**', '**/preload/**', '**/shell/**', '**/web/**'], 'The core runs without Electron or UI: no electron, React, shell or web host imports.'),
  },
  {
    files: ['src/main/shell/**/*.ts', 'src/main/index.ts'],
    rules: boundary(['**/web/**', '**/renderer/**', '**/cli/**'], 'Electron code never imports the web host, the CLI or the renderer.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: boundary(['electron', 'better-sqlite3', 'drizzle-orm*', ...nodeBuiltins, '**/main/**', '**/preload/**'], 'The renderer reaches the core only through the rpc client.'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: boundary(['**/main/**', '**/renderer/**', ...nodeBuiltins], 'The preload only bridges IPC.'),
  },
);
