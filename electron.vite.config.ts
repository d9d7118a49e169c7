import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { mkdirSync, writeFileSync } from 'node:fs';
import path, { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const __dirname = fileURLToPath(new URL('.', import.meta.url));

/**
 * React Aria bundles its screen-reader strings in 34 languages; the UI speaks two (every picker sets
 * ru-RU or en-GB, which reads en-US's strings), so the others load as empty catalogues.
 */
function ariaStringsRuEnOnly(): Plugin {
  const other = /[\\/]react-aria[\\/]dist[\\/]private[\\/]intl[\\/][^\\/]+[\\/](?!ru-RU|en-US)[a-z]{2}-[A-Z]{2}\.mjs$/;
  return { name: 'aria-strings-ru-en-only', enforce: 'pre', load: (id) => (other.test(id) ? 'export default {};' : null) };
}

/**
 * Writes `.vite/chunks.json` beside a build's output: per chunk, its static and dynamic imports
 * (external ones included, e.g. `libsql`) and the npm packages bundled into it. The packaging
 * tests read it to keep ECharts out of the board's first paint and `dependencies` exact; the
 * packaged app leaves it out (build/electron-builder.yml).
 */
function chunkReport(): Plugin {
  // The last node_modules in the path names the package (echarts/node_modules/tslib is tslib).
  const packageOf = (id: string) => /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1]?.replace('\\', '/');
  return {
    name: 'chunk-report',
    // Written after the bundle is final (Vite drops CSS-only chunks late in generateBundle).
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle).flatMap((item) =>
        item.type === 'chunk'
          ? [
              {
                file: item.fileName,
                facade: item.facadeModuleId ? path.relative(__dirname, item.facadeModuleId).split(path.sep).join('/') : null,
                isEntry: item.isEntry,
                isDynamicEntry: item.isDynamicEntry,
                imports: item.imports,
                dynamicImports: item.dynamicImports,
                packages: [...new Set(item.moduleIds.map(packageOf).filter((name): name is string => name !== undefined))].sort(),
              },
            ]
          : [],
      );
      const file = path.join(options.dir ?? '.', '.vite', 'chunks.json');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(chunks, null, 1)}\n`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The host's worker thread is its own entry (out/main/host-worker.js).
        input: { index: resolve(__dirname, 'src/main/index.ts'), 'host-worker': resolve(__dirname, 'src/node/host-worker/worker-main.ts') },
      },
      // Not minified: main's 0.5 MB is read from disk once, and stack traces in the log files stay
      // readable. Its externals are package.json's `dependencies` (electron-vite's externalizeDeps):
      // the native modules and what the host worker loads at runtime; devDependencies it imports
      // (zod) are bundled. tests/unit/tooling/packaging.test.ts keeps the two lists equal.
    },
    plugins: [chunkReport()],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
    plugins: [chunkReport()],
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: a window parses half the script before its first paint (electron-vite's default is off).
      minify: true,
      // keepNames: React components keep their names (error messages, the console bench's render counts).
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') }, output: { keepNames: true } },
    },
    plugins: [react(), ariaStringsRuEnOnly(), chunkReport()],
  },
});
