import noForeignRepo from './rules/no-foreign-repo.js';
import noModuleCycle from './rules/no-module-cycle.js';
import ownTables from './rules/own-tables.js';

/** The repository's own rules: the boundaries between the modules of server/modules/. */
export const linliPlugin = {
  meta: { name: 'linli' },
  rules: {
    'own-tables': ownTables,
    'no-foreign-repo': noForeignRepo,
    'no-module-cycle': noModuleCycle,
  },
};

/**
 * Modules talk through services (docs/architecture.md): none queries another's tables
 * (eslint/table-owners.json), imports another's repo, or closes an import cycle with another.
 * Tests build their data as they need, so they are free to.
 */
export const boundaries = [
  {
    files: ['server/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { linli: linliPlugin },
    rules: {
      'linli/own-tables': 'error',
      'linli/no-foreign-repo': 'error',
      'linli/no-module-cycle': 'error',
    },
  },
];
