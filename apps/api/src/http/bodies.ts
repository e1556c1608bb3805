import type { INestApplication } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@emis/api/platform';
import express, { NextFunction, Request, Response } from 'express';

/**
 * The largest JSON or form body the API reads (body-parser's default, stated): a grade sheet of 45 pupils is a few
 * kB. Workbook uploads are multipart and have their own limit (IMPORT_MAX_BYTES); the reverse proxy refuses anything
 * over 20 MB before it arrives (deploy/Caddyfile).
 */
export const BODY_LIMIT = '100kb';

/**
 * Reads JSON and form bodies, and names what is wrong with one that cannot be read: not JSON (400 malformed_json) or
 * too large (413 body_too_large), as problem+json like every other refusal. Registered by the application rather
 * than by Nest (bodyParser: false), so that the parser's refusals are told apart here: Nest's own handler turns a
 * JSON syntax error into a bare 400 Bad Request.
 */
export function readBodies(app: INestApplication): void {
  app.use(
    express.json({ limit: BODY_LIMIT }),
    express.urlencoded({ extended: true, limit: BODY_LIMIT }),
    (error: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyRefusal(error)),
  );
}

function bodyRefusal(error: unknown): unknown {
  const type = (error as { type?: unknown } | undefined)?.type;
  if (type === 'entity.parse.failed') return new ProblemException(HttpStatus.BAD_REQUEST, 'malformed_json');
  if (type === 'entity.too.large') return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'body_too_large');
  return error;
}
