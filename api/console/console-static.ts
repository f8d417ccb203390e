import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { apiRouter } from '../api-router.js';
import { AppError } from '../../lib/app-error.js';

/** Where scripts/build-console.sh puts the built console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

/**
 * The console's own Content-Security-Policy, in place of the JSON API's `default-src 'none'`: scripts, styles, fonts
 * and API calls from this origin only. Ant Design writes its CSS-in-JS <style> elements with the per-page nonce
 * (ConfigProvider csp), so no inline <style> is trusted without it; inline style *attributes* (positions that
 * components and charts compute) are allowed, scripts never inline.
 */
function consolePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Evidence previews: a PDF fetched into a blob: URL is shown in a frame of the page.
    "frame-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Serves the built console under /console/: hashed assets as static files (cached for a year), every other path the
 * single-page app's index.html (the client-side router shows the page), with a fresh CSP nonce in it. Mounted as
 * middleware, not as routes: the API's route list (OpenAPI, authorization matrix) stays the JSON API's.
 */
export interface ConsoleOptions {
  /** Default: console/dist. */
  distDir?: string | undefined;
  /** Default: http://127.0.0.1:8233 (the dev server's UI). */
  temporalUiUrl?: string | undefined;
  namespace?: string | undefined;
}

export function consoleStatic(options: ConsoleOptions = {}): Router {
  const distDir = options.distDir ?? CONSOLE_DIST;
  const temporalUi = `${(options.temporalUiUrl ?? 'http://127.0.0.1:8233').replace(/\/$/, '')}/namespaces/${encodeURIComponent(options.namespace ?? 'default')}`;
  const router = apiRouter();
  const indexPath = join(distDir, 'index.html');
  // Read again when the file changes (a rebuild while the API runs), else served from memory.
  let template: { text: string; mtimeMs: number } | undefined;
  router.use(
    '/console/assets',
    express.static(join(distDir, 'assets'), {
      index: false,
      // The API's no-store is already set (and serve-static keeps it): hashed file names never change content.
      setHeaders: (res) => {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        res.setHeader('Content-Security-Policy', consolePolicy('none'));
      },
    }),
  );
  router.use('/console/assets', (req) => {
    throw AppError.notFound('Console asset', req.path);
  });
  router.use('/console', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl === '/console') return res.redirect(301, '/console/');
    if (!existsSync(indexPath)) return next();
    const { mtimeMs } = statSync(indexPath);
    if (template?.mtimeMs !== mtimeMs) {
      template = { text: readFileSync(indexPath, 'utf8').replaceAll('__TEMPORAL_UI__', escapeAttribute(temporalUi)), mtimeMs };
    }
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', consolePolicy(nonce));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(template.text.replaceAll('__CSP_NONCE__', nonce));
  });
  return router;
}
