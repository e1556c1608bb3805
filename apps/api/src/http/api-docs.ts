import type { INestApplication } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, ProblemException } from '@emis/api/platform';
import type { NextFunction, Request, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import passport from 'passport';

/** The description's addresses: the page (and its script, which embeds the whole document), the JSON and YAML. */
const DOCS_PATHS = ['/api/docs', '/api/docs-json', '/api/docs-yaml'];

/**
 * The OpenAPI description at /api/docs. In production (API_DOCS=signed-in) it is a map of every operation and
 * parameter, handed only to a signed-in user: the same access-token check as every other route (signature,
 * expiry, session still open), by the API's own passport strategy (docs/security/edge.md, "API description").
 */
export function setupApiDocs(app: INestApplication, config: Pick<AppConfig, 'API_DOCS'>): void {
  if (config.API_DOCS === 'signed-in') app.use(DOCS_PATHS, signedInOnly(app.get(ClsService)));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Emis API')
      .setDescription('Education management information system of a provincial Department of Education and Training')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** The JWT strategy writes the request context (nestjs-cls), which Nest's middleware has not opened this early. */
function signedInOnly(cls: ClsService) {
  return (req: Request, res: Response, next: NextFunction) =>
    cls.run(() =>
      passport.authenticate('jwt', { session: false }, (error: unknown, user: unknown) =>
        next(error ?? (user ? undefined : new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized'))),
      )(req, res, next),
    );
}
