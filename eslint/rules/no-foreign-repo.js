import path from 'node:path';
import { importTarget, importVisitors, moduleOf } from './module-of.js';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description:
        "A module imports no other module's repo (`repo.ts`, `*-repo.ts`): it calls that module's service.",
    },
    schema: [],
    messages: {
      foreignRepo:
        "`{{module}}` imports {{owner}}'s repo `{{file}}`: call {{owner}}'s service instead.",
    },
  },
  create(context) {
    const module = moduleOf(context.filename);
    if (!module) return {};
    return importVisitors((node, specifier) => {
      const target = importTarget(context.filename, specifier);
      if (!target) return;
      const owner = moduleOf(target + '.ts');
      const base = path.basename(target);
      if (owner && owner !== module && (base === 'repo' || base.endsWith('-repo')))
        context.report({ node, messageId: 'foreignRepo', data: { module, owner, file: base } });
    });
  },
};
