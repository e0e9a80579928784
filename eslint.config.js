// Lint rules are errors or off; the dependency rule of docs/architecture.md is enforced here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const testFiles = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**', 'bench/**', 'src/db/migrations/**']

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Domain and repository files never import the web framework: only routes, pages and shells do.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*-api.ts',
      'src/http/**',
      'src/api/**',
      'src/app.ts',
      'src/cli/**',
      'src/main.ts',
      ...testFiles,
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*'],
              message: 'Only routes, pages and shells use the web framework.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only src/config.ts reads the environment.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/config.ts', ...testFiles],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      '@typescript-eslint/consistent-type-assertions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
