import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The web app. `npm run build:web` writes web/dist, which the API server serves (with SPA fallback).
// In development, `vite --config web/vite.config.ts` proxies /api to the API on port 3000.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // One bundle for the whole app; the NL Design System React library is most of it.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
