import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Utrecht React library is one file whose components are marked pure, but each is followed by a
 * top-level `X.displayName = 'X'`; the bundler counts that write as a side effect and keeps all ~90
 * components. displayName only serves React DevTools, so dropping it lets unused components fall away
 * (the shared library code shrinks from ~240 kB to ~40 kB minified).
 */
function utrechtTreeshaking(): Plugin {
  return {
    name: 'eenvoud:utrecht-treeshaking',
    apply: 'build',
    transform: {
      filter: { id: /node_modules[\\/]@utrecht[\\/].*\.mjs$/ },
      handler(code) {
        return { code: code.replace(/^[\w$]+\.displayName = '[^']*';$/gm, ''), map: null };
      },
    },
  };
}

// The web app. `npm run build:web` writes web/dist, which the API server serves (with SPA fallback).
// In development, `vite --config web/vite.config.ts` proxies /api to the API on port 3000.
// Pages are loaded per route (React.lazy in App.tsx); the groups below keep the vendor code in a few
// stable, separately cached chunks. echarts is only loaded by the sturing pages.
export default defineConfig({
  root: webRoot,
  plugins: [react(), utrechtTreeshaking()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // echarts with its renderer is over 500 kB minified; two chunks, loaded in parallel.
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 3 },
            { name: 'zrender', test: /node_modules[\\/](zrender|tslib)[\\/]/, priority: 4 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 2 },
            { name: 'nl-design-system', test: /node_modules[\\/](@utrecht|clsx|@babel[\\/]runtime)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
