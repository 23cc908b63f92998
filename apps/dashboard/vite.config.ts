import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where `vite` (dev) and `vite preview` send /api: the gateway of the local run unless told otherwise. */
const GATEWAY_URL = process.env.TERTIAL_GATEWAY_URL ?? 'http://127.0.0.1:8080';

const api = { '/api': { target: GATEWAY_URL, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages such as @tertial/contracts export their TypeScript under `source`, so no build step is needed first.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: { proxy: api },
  preview: { proxy: api },
});
