// Enforces the import rules of ARCHITECTURE.md: which environment folder under src/ may import
// which, and which packages each environment may use. Resolves relative imports against the
// importing file, so `../../node/x` is caught the same as an alias would be.
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Which src/ layer a file belongs to: core/domain, core/sync, core/bitrix, shared, node, ... */
function layerOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts[0] === 'core') return parts.length > 2 ? `core/${parts[1]}` : 'core';
  if (parts[0] === 'node' && parts[1] === 'demo') return 'node/demo';
  return parts[0];
}

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

export default {
  rules: {
    layering: {
      meta: {
        type: 'problem',
        schema: [{ type: 'object', additionalProperties: true }],
        messages: {
          layer: "'{{from}}' may not import from '{{to}}' ({{spec}}). See ARCHITECTURE.md, import rules.",
          typeOnly: "'{{from}}' may import only types from '{{to}}': use `import type` ({{spec}}).",
          pkg: "'{{from}}' may not use the package '{{pkg}}'. See ARCHITECTURE.md, import rules.",
        },
      },
      create(context) {
        const { srcRoot, layers } = context.options[0];
        const file = context.filename;
        const from = layerOf(file, srcRoot);
        if (!from || !layers[from]) return {};
        const rule = layers[from];

        function check(node, spec, typeOnly) {
          if (typeof spec !== 'string') return;
          if (spec.startsWith('.')) {
            const target = path.resolve(path.dirname(file), spec);
            const to = layerOf(target, srcRoot);
            if (!to || to === from) return;
            if ((rule.types ?? []).includes(to) && !(rule.imports ?? []).includes(to)) {
              if (!typeOnly) context.report({ node, messageId: 'typeOnly', data: { from, to, spec } });
              return;
            }
            if (!(rule.imports ?? []).includes(to)) context.report({ node, messageId: 'layer', data: { from, to, spec } });
            return;
          }
          const pkg = NODE_BUILTINS.has(spec) ? 'node:builtin' : packageName(spec);
          const allowed = rule.packages;
          if (allowed === '*') return;
          const ok = allowed.some((p) => p === pkg || (p.endsWith('/*') && pkg.startsWith(p.slice(0, -1))));
          if (!ok) context.report({ node, messageId: 'pkg', data: { from, pkg: NODE_BUILTINS.has(spec) ? spec : pkg } });
        }

        return {
          ImportDeclaration(node) {
            const typeOnly = node.importKind === 'type' ||
              (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
            check(node, node.source.value, typeOnly);
          },
          ExportNamedDeclaration(node) {
            if (node.source) check(node, node.source.value, node.exportKind === 'type');
          },
          ExportAllDeclaration(node) {
            check(node, node.source.value, node.exportKind === 'type');
          },
          ImportExpression(node) {
            if (node.source.type === 'Literal') check(node, node.source.value, false);
          },
        };
      },
    },
  },
};
