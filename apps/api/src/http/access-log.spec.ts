import pino from 'pino';
import { Writable } from 'node:stream';
import type { Options } from 'pino-http';
import { accessLog } from './access-log';

describe('the log', () => {
  it('writes JSON lines in production and readable single lines through pino-pretty in development', () => {
    const production = accessLog({ LOG_LEVEL: 'info' }, undefined, 'production') as Options;
    expect(production.transport).toBeUndefined();
    const development = accessLog({ LOG_LEVEL: 'info' }, undefined, 'development') as Options;
    expect(development.transport).toMatchObject({ target: 'pino-pretty', options: { singleLine: true } });
    // A test's log, or one given a stream, stays JSON.
    expect((accessLog({ LOG_LEVEL: 'info' }, undefined, 'test') as Options).transport).toBeUndefined();
    expect(
      (accessLog({ LOG_LEVEL: 'info' }, new Writable(), 'development') as [Options, Writable])[0].transport,
    ).toBeUndefined();
  });

  it("drops Nest's start-up lines in development and keeps everything else", () => {
    const { hooks } = accessLog({ LOG_LEVEL: 'info' }, undefined, 'development') as Options;
    const lines: string[] = [];
    const logger = pino(
      { hooks },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/students, GET} route');
    logger.info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
    logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    logger.info({ context: 'AnchorSchedule' }, 'anchor 3: 1 chain(s)');
    logger.error({ context: 'JobBoss' }, 'something failed');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['anchor 3: 1 chain(s)', 'something failed']);
  });
});
