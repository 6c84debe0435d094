import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { krdsCss } from './build/krds-css.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pretendard = join(
  dirname(require.resolve('pretendard-gov/package.json')),
  'dist/web/static/woff2-subset',
);

export default defineConfig({
  root: here,
  plugins: [react(), krdsCss({ sourceDirs: [join(here, 'src'), join(here, 'index.html')] })],
  resolve: {
    alias: { '@pretendard': pretendard },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
  },
});
