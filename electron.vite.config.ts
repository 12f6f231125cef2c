import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The core runs on worker threads (src/main/thread): its entry is built beside index.js.
      rollupOptions: { input: { index: 'src/main/index.ts', 'core-worker': 'src/main/core/thread/core-worker.ts' }, external: ['better-sqlite3'] },
    },
  },
  preload: {
    // A sandboxed preload cannot be an ES module.
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: 'src/preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: 'src/renderer/index.html' } },
  },
});
