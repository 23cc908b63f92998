import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * Where `vite` (dev) and `vite preview` send what the gateway serves besides the dashboard: the API, the
 * sign-in configuration and the local identity provider. The gateway of the local run unless told otherwise.
 */
const GATEWAY_URL = process.env.TERTIAL_GATEWAY_URL ?? 'http://127.0.0.1:8080';

const gateway = { target: GATEWAY_URL, changeOrigin: true };
const api = { '/api': gateway, '/konfiguration.json': gateway, '/oidc': gateway };

export default defineConfig({
  // Each asset also as .br and .gz beside it: the gateway sends the one the browser accepts, compressed once at build time.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
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
