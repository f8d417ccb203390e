import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Built into console/dist and served by the API under /console/ (api/console/console-static.ts). */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 3000, sourcemap: false },
  server: { proxy: { '^/(?!console)': 'http://127.0.0.1:3000' } },
});
