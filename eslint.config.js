// Lint rules, and the architecture's walls as import restrictions:
//   shared/         imports nothing from electron/ or renderer/
//   renderer/       imports only shared/ and its own files (never electron/)
//   electron/core/  never imports 'electron' or electron/main/ (plain Node everywhere)
// Only electron/main and electron/preload may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'resources/tessdata/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(['**/electron/**', '../electron/*', 'node:*'], 'renderer/ imports only shared/ and its own files.'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [pattern(['**/electron/**', '**/renderer/**', 'node:*'], 'shared/ is the contract: it imports neither electron/ nor renderer/.')],
        },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/bridge/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(['**/main/**', '../main/*', '../../main/*'], 'The core runs in plain Node: it never imports electron/main.'),
            pattern(['**/renderer/**'], 'Node code does not import the renderer.'),
          ],
        },
      ],
    },
  },
  {
    // electron-builder require()s its config and hooks: CommonJS is the format there.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
