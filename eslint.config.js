import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import checkFile from 'eslint-plugin-check-file';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const FEATURES = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The house's boundaries: a feature is entered through its index only; shared code never reaches up. */
const BOUNDARY_ZONES = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`, ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
    message: 'Import another feature through its index (@/features/<name>) only.',
  })),
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app'],
    message: 'Shared code (src/lib, src/components) never imports features or the app: move what both need down.',
  },
];

/** The mock backend stays out of the console's code. */
const noMocks = (except = []) => ({
  target: './src',
  from: './mocks',
  except,
  message: 'The console never imports the mock backend: it is loaded lazily at the demo’s start-up only.',
});

const UNTRUSTED_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Policy text is untrusted: render it as text.',
};

/** The two places where the demo build starts the mock: each may import its one entry, with import() only. */
const DEMO_START_UP = {
  'src/app/start-mock-backend.ts': './browser.ts',
  'src/app/layout/app-layout.tsx': './ui/mock-panel.tsx',
};

const TESTS = ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/app/test/**', 'src/features/*/test/**'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'reports',
      'test-results',
      'playwright-report',
      'public/mockServiceWorker.js',
      'bench/.tmp',
      // Other apps the bench compares with, on their own dependencies (bench/README.md).
      'bench/compare-apps',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', UNTRUSTED_HTML],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: BOUNDARY_ZONES }],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '{src,mocks,bench,e2e,scripts}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...TESTS, ...Object.keys(DEMO_START_UP)],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...BOUNDARY_ZONES, noMocks()] }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'msw', message: 'MSW belongs to mocks/ and must never ship in the app.' }],
          patterns: ['msw/*'],
        },
      ],
    },
  },
  ...Object.entries(DEMO_START_UP).map(([file, entry]) => ({
    files: [file],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...BOUNDARY_ZONES, noMocks([entry])] }],
      'no-restricted-syntax': [
        'error',
        UNTRUSTED_HTML,
        {
          selector: 'ImportDeclaration[importKind!="type"][source.value=/mocks\\//]',
          message: 'Load the mock with import() behind the VITE_MOCK check, so that it never ships in production.',
        },
      ],
    },
  })),
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
