// Lint rules that catch real bugs (floating promises, cycles, layer breaches), not style:
// formatting is Prettier's job (`npm run format:check`).
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Each layer may import only from the layers below it (see README "Layout"). */
const layers = [
  // The extraction engine is pure: text in, facts out.
  { target: './src/extract', from: './src', except: ['./extract'], message: 'src/extract is pure: it imports nothing else from src/.' },
  // Configuration sits below everything it configures.
  {
    target: ['./src/config', './src/config.ts'],
    from: './src',
    except: ['./config', './config.ts', './errors.ts', './log.ts', './projectRoot.ts'],
    message: 'configuration imports only errors, log and projectRoot.',
  },
  { target: './src/errors.ts', from: './src', except: ['./errors.ts'], message: 'errors.ts imports nothing.' },
  {
    target: './src/tracing',
    from: './src',
    except: ['./tracing', './config.ts'],
    message: 'src/tracing (spans every layer may open) imports only configuration.',
  },
  { target: './src/metrics', from: './src', except: ['./metrics'], message: 'src/metrics (counters every layer may call) imports nothing else from src/.' },
  { target: './src/content', from: './src', except: ['./content'], message: 'src/content (the article text layout) imports nothing else from src/.' },
  { target: './src/access', from: './src', except: ['./access', './errors.ts'], message: 'src/access (who may see what) imports only errors.' },
  // The identity registry is pure: its loaders live in the store layer.
  {
    target: './src/ingest/registry',
    from: './src',
    except: ['./ingest/registry', './extract', './errors.ts', './ingest/nameKey.ts', './ingest/planArticle.ts'],
    message: 'src/ingest/registry is pure: its loaders live in src/ingest/persist.',
  },
  // The database layer knows nothing of GraphQL, the import or the HTTP server.
  {
    target: './src/db',
    from: ['./src/graphql', './src/ingest', './src/server', './src/http', './src/export'],
    message: 'src/db is below the API and the import.',
  },
  // The import queue carries the import's work between processes; the import knows nothing of it.
  { target: ['./src/ingest', './src/db', './src/graphql'], from: './src/queue', message: 'src/queue sits above the import.' },
  { target: './src/graphql', from: ['./src/server.ts', './src/http', './src/index.ts'], message: 'src/graphql is below the HTTP server.' },
  // The browser pages render what the public API answers; they reach data only through it.
  {
    target: './src/pages',
    from: './src',
    except: ['./pages', './projectRoot.ts'],
    message: 'src/pages reads only through the public GraphQL API it is given (PageApi).',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'src/generated/', 'src/graphql/generated/', '.storygraph/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Benchmarks and tools print their reports.
    files: ['bench/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests may use `any` for GraphQL answers whose shape each test asserts.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
