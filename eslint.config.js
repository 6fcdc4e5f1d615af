// Lint: typescript-eslint's recommendedTypeChecked over the whole tree (type-aware: floating promises, unsafe any,
// misused awaits). `npm run lint` runs it with knip (unused files, exports and dependencies).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench/**', 'out/**', 'output/noticeValidator.generated.ts', 'tests/fixtures/**', 'bench/peer/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'knip.config.ts', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused names are errors, except a leading underscore (a parameter kept for the signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Loaders, executors and test callbacks are async by their interface, whether or not one of them awaits.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked, languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
