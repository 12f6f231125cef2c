import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer alone, for the web host and tests (electron.vite.config.ts builds all three parts for Electron). */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
