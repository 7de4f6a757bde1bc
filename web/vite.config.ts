import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    // antd alone is above the default warning size; pages are split by route already.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // common/ lives outside the web root.
    fs: { allow: [resolve(webRoot, '..')] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
