import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Not __dirname: browser mode imports this file as ES module (electron/bridge/build.ts
// takes the renderer section from it), where __dirname does not exist.
const root = dirname(fileURLToPath(import.meta.url));

// Three builds: the Electron main process (with the database worker as a second
// entry), the sandboxed preload (CommonJS, as sandboxed preloads must be: they
// cannot load ES modules), and the renderer, whose output the bridge also serves
// in browser mode. `renderer` must stay a plain object for that reason.
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // Thread entries, loaded by path (new Worker / import()) from out/main; see
          // electron/main/index.ts. The tsx entries beside them serve Node runs only.
          'db-worker': resolve(root, 'electron/core/db/worker.ts'),
          'intake-worker': resolve(root, 'electron/core/intake/worker.ts'),
          'intake-pipeline': resolve(root, 'electron/core/intake/pipeline.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Full phone metadata (the same validation as the core) and React: large for a web page, small for a desktop app.
      chunkSizeWarningLimit: 900,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
