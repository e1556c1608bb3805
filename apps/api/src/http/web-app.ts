import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { NextFunction, Request, Response } from 'express';
import { basename, join } from 'node:path';

/** Paths the API answers itself: the web app never serves or falls back on them. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Serves the built web app on the API's origin: its files, and index.html for any other GET outside /api (the
 * Angular router's deep links). Nothing under /api is touched — unlike @nestjs/serve-static, whose error handler
 * turned every error on an excluded path into 404, so that malformed JSON and oversized bodies were answered 404
 * instead of 400 and 413 (docs/security/edge.md, "Bodies").
 */
export function serveWebApp(app: INestApplication, dir: string): void {
  const index = join(dir, 'index.html');
  const files = express.static(dir, {
    setHeaders: (res, file) => (file === index ? revalidate(res) : isHashed(file) && keepForever(res)),
  });
  // gzip (or brotli, when the browser takes it) for the web app's files when no reverse proxy compresses them: the
  // bundles are text and shrink to about a quarter. /api answers are left alone (downloads stream, already zipped).
  const compress = compression();
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    compress(req, res, () => serveFile(req, res, next));
  });
  const serveFile = (req: Request, res: Response, next: NextFunction) =>
    files(req, res, () => {
      revalidate(res);
      res.sendFile(index, (error) => error && next(error));
    });
}

/**
 * A file the Angular build names by its content's hash (main-ABCD1234.js, chunk-…, styles-…, media/…-HASH.woff2):
 * a new build gives it a new name, so a browser may keep it for a year without asking again.
 */
export function isHashed(file: string): boolean {
  return /-[A-Z0-9]{8}\.[a-z0-9]+$/.test(basename(file));
}

function keepForever(res: Response): void {
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

/** index.html names the current build's bundles: a browser asks again after a deployment instead of keeping it. */
function revalidate(res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Every answer of the API is `Cache-Control: no-store`: pupils' records, grades and downloads must not stay in a
 * shared computer's browser cache or in an intermediate cache (docs/domain/personal-data.md). The web app's own files
 * are outside /api and cacheable.
 */
export function forbidCachingApiAnswers(app: INestApplication): void {
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
