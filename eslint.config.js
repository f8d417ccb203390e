import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', '.data/', 'coverage/', '.scratch/', 'console/dist/', 'console/src/api/generated/', 'test-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The audit trail is a hash chain: every CaseEvent goes through lib/audit/append-audit-event.ts.
    files: ['**/*.ts'],
    ignores: ['lib/audit/**', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.property.name='caseEvent'][callee.property.name=/^(create|createMany|createManyAndReturn|upsert|update|updateMany|delete|deleteMany)$/]",
          message: 'Write audit events with appendAuditEvent (lib/audit/append-audit-event.ts): it links them into the hash chain.',
        },
      ],
    },
  },
  {
    // Routers match strictly and case-sensitively (api/api-router.ts): no path alias can dodge a check keyed by path.
    files: ['api/**/*.ts'],
    ignores: ['api/api-router.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'express', importNames: ['Router'], allowTypeImports: true, message: 'Create routers with apiRouter() (api/api-router.ts).' }] },
      ],
    },
  },
  {
    // Workflow code is replayed: no I/O, no Node built-ins, no database or HTTP libraries.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process'], message: 'Workflow code must be deterministic: no Node built-ins.' },
            { group: ['@prisma/*', '**/generated/prisma/**', 'express', 'pg', 'pino'], message: 'Workflow code must not do I/O; use an activity.' },
            { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities as types only (proxyActivities).' },
            { group: ['**/api/**', '**/lib/**'], message: 'Workflow code imports only the domain model and the SDK.' },
          ],
        },
      ],
    },
  },
);
