import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
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

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The host's worker thread is its own entry (out/main/host-worker.js).
        input: { index: resolve(__dirname, 'src/main/index.ts'), 'host-worker': resolve(__dirname, 'src/node/host-worker/worker-main.ts') },
        // Native N-API modules stay external; everything else (electron-store, conf, zod) is bundled.
        external: ['libsql', '@napi-rs/keyring', 'ws', 'selfsigned'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
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
    plugins: [react(), ariaStringsRuEnOnly()],
  },
});
