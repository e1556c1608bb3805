import nx from '@nx/eslint-plugin';

/** One flat config for the monorepo: TypeScript rules plus enforced Nx module boundaries (errors, not warnings). */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/tmp',
      '**/.angular',
      '**/.nx',
      '**/test-results',
      '**/playwright-report',
      '**/coverage',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Layers (type:). domain imports nothing; contracts import domain only.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contracts'] },
            // Presentational components know no service and no feature.
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain', 'type:contracts'],
            },
            // web/core (session, HTTP, org scope, i18n) also holds the app-wide components built from ui pieces.
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:domain', 'type:contracts'],
            },
            // A web feature shares through web/core and web/ui, never by importing another feature. API contexts
            // (also type:feature) do use each other, but only through their public index.ts, which this rule checks for every import.
            { allSourceTags: ['scope:web', 'type:feature'], notDependOnLibsWithTags: ['type:feature'] },
            // Reporting reads the other contexts' ports; no context may depend on it (only the apps wire it in).
            { sourceTag: '/^type:(?!app$)/', notDependOnLibsWithTags: ['context:reporting'] },
            // API code uses the shared libraries and other API contexts; never web code.
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            // Web code uses the shared libraries and other web libraries; never API code.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      // Used after explicit checks (Map lookups of ids just inserted); the type system cannot follow those.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Typed SQL (issue 9, deliverable 8): the API reaches PostgreSQL only through sqlRows/sqlRow/sqlExec, which give every
    // answer a declared row type. A raw `.query(` answers `any`, and `[rows, count]` for an UPDATE or DELETE. Exempt:
    // the plumbing those helpers are built on, migrations (frozen once applied), seeds (they fill every table as the owner).
    files: ['libs/api/**/*.ts', 'apps/api/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'libs/api/*/src/migrations/**',
      'apps/api/src/seed/**',
      'libs/api/platform/src/database/sql.ts',
      'libs/api/platform/src/database/migration-ledger.ts',
      'libs/api/platform/src/database/data-source.ts',
      'libs/api/platform/src/database/job-queue-schema.ts',
      'libs/api/platform/src/database/tenant-db.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query'], CallExpression[callee.property.value='query']",
          message:
            'No raw query(): write the SQL in a repository with sqlRows/sqlRow/sqlExec and a row interface (@emis/api/platform).',
        },
      ],
    },
  },
  {
    // SQL only in repositories: a service, controller or port asks its context's repository, never the database.
    files: ['libs/api/**/*.ts', 'apps/api/src/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'libs/api/platform/src/index.ts',
      'libs/api/platform/src/database/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@emis/api/platform',
              importNames: ['sqlRows', 'sqlRow', 'sqlExec'],
              message:
                'SQL lives in repositories: only a *.repository.ts file may run it; ask that repository instead.',
            },
          ],
          patterns: [
            {
              group: ['**/database/sql'],
              message: 'SQL lives in repositories: only a *.repository.ts file may run it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules. Three programs cover every file (API with shared libraries and tests; the web app through
    // its routes; e2e), with the web libraries' own configs as a fallback. The projectService would build one
    // program per project tsconfig, each re-checking the libraries it imports: about three times the CPU time.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.spec.json',
          './apps/web/tsconfig.app.json',
          './apps/web-e2e/tsconfig.json',
          './libs/web/*/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
];
