// Lint rules: typescript-eslint everywhere, plus the layering of DESIGN.md enforced by import rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = {
  paths: [
    {
      name: 'electron',
      message: 'electron/core and shared run under plain Node: never import electron here.',
    },
  ],
  patterns: [
    {
      group: ['electron/*', 'electron-store'],
      message: 'electron/core and shared must not depend on Electron.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'dist-cli',
      'dist-cli.tmp-*',
      'release',
      'test-artifacts',
      'build/icons',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/core/**', 'shared/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through the bridge in shared/ipc.',
            },
          ],
          patterns: [
            { group: ['**/electron/**', 'node:*'], message: 'The renderer runs in a sandboxed page.' },
          ],
        },
      ],
    },
  },
);
