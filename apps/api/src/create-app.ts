import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, createValidationPipe, trustedProxies } from '@emis/api/platform';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import { AppModule } from './app.module';
import { setupApiDocs } from './http/api-docs';
import { readBodies } from './http/bodies';
import { applyServerTimeouts } from './http/server-timeouts';
import { forbidCachingApiAnswers, serveWebApp } from './http/web-app';
import { registerApiMessages } from './messages';

export interface CreateAppOptions {
  /** false: no Nest logger (tests); the access log still follows LOG_LEVEL. */
  logger?: boolean;
  /** Where the access log goes instead of standard output (a test reading its lines). */
  logStream?: Writable;
}

/** Builds the HTTP application exactly as production runs it; tests use this too. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  registerApiMessages();
  const app = await NestFactory.create(AppModule.forRoot(config, { logStream: options.logStream }), {
    bufferLogs: true,
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const express = app.getHttpAdapter().getInstance();
  // Only the configured proxies' X-Forwarded-For names the client (docs/security/edge.md, "Client address").
  express.set('trust proxy', trustedProxies(config));
  express.disable('x-powered-by');
  // No ETag on the API's JSON: every answer is Cache-Control: no-store, so none is ever revalidated, and Express hashed
  // each body (SHA-1 of a 15 KB grade sheet's answer on every save) for nothing. The web app's files keep theirs
  // (express.static and sendFile make their own).
  express.set('etag', false);
  // A request id from the reverse proxy is kept when it looks like one; otherwise a new one is made.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular writes component styles into <style> elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: config.COOKIE_SECURE ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  forbidCachingApiAnswers(app);
  if (config.WEB_DIST_DIR && existsSync(config.WEB_DIST_DIR)) serveWebApp(app, config.WEB_DIST_DIR);
  readBodies(app);
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  applyServerTimeouts(app.getHttpServer() as Server, config);
  setupApiDocs(app, config);
  return app;
}
