import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/contexts/*/store.ts', '**/contexts/*/routes.ts'], message: 'Gebruik index.ts van een andere context, niet haar store of routes.' }],
      }],
    },
  },
  {
    // A context uses another context only through its index.ts (ARCHITECTURE.md).
    files: ['src/contexts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^\\.\\./[a-z]+/(?!index\\.ts$)', message: 'Gebruik index.ts van een andere context, niet haar binnenkant.' }],
      }],
    },
  },
  {
    files: ['src/app.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The web app runs in the browser: browser globals, no Node ones, and it reaches the backend only through the API.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', location: 'readonly', fetch: 'readonly',
        URL: 'readonly', URLSearchParams: 'readonly', AbortSignal: 'readonly', DOMException: 'readonly', console: 'readonly',
        process: 'off',
      },
    },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+src/', message: 'De web-app gebruikt de backend via de API (/api/v1), niet via imports uit src/.' }],
      }],
    },
  },
);
