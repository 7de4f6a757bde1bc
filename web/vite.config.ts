import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import { resolve } from 'node:path';

const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    // Each file also as .br and .gz, compressed once at build time at the highest level, for the
    // server to send as is (@fastify/static preCompressed) to a phone that accepts it.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      // Below about a packet, compressing saves nothing worth a second file.
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    // ECharts, on the survey results page only, is above the default warning size.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // common/ lives outside the web root.
    fs: { allow: [resolve(webRoot, '..')] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
