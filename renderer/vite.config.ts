import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer alone (npm run build:renderer, the browser e2e suite). Same root,
// plugins and output as the renderer section of electron.vite.config.ts, so browser
// mode and the Electron window get the same bundle. No node: imports here: the
// renderer's import wall covers this folder, and vite supplies import.meta.dirname.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${import.meta.dirname}/../out/renderer`,
    emptyOutDir: true,
    // Full phone metadata (the same validation as the core) and React: large for a web page, small for a desktop app.
    chunkSizeWarningLimit: 900,
  },
});
