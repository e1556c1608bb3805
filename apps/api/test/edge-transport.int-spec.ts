import type { SessionItem } from '@emis/contracts';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { DEMO_PASSWORD } from '../src/seed/demo-province.data';
import { refusalProblem } from './fuzz-requests';
import { bearer, createUser, startTestApp, TestApp } from './harness';

/** The production settings under test, short enough for a test to wait them out (docs/security/edge.md). */
const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
/** Longer than Node's default (5 s), so that a connection still open past the default shows the setting applied. */
const KEEP_ALIVE_TIMEOUT_MS = 8000;
/** A proxy that is not the test's client: X-Forwarded-For from anyone else must be ignored. */
const ELSEWHERE_PROXY = '203.0.113.7';
/** A guard against a hang, not a measure: the deadlines above are checked every second. */
const CLOSE_GUARD_MS = 20_000;

describe('the edge of the API: slow senders, the API description, client addresses, the access log', () => {
  let prod: TestApp;
  let dev: TestApp;
  let port: number;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logStream = new PassThrough();
    let pending = '';
    logStream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      logLines.push(...lines.filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
    });
    prod = await startTestApp(
      {
        API_DOCS: 'signed-in',
        TRUSTED_PROXIES: ELSEWHERE_PROXY,
        LOG_LEVEL: 'info',
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      },
      { logStream },
    );
    await prod.app.listen(0, '127.0.0.1');
    port = (prod.app.getHttpServer().address() as AddressInfo).port;
    // The harness's defaults: the loopback proxy trusted, the description open (as npm start runs).
    dev = await startTestApp();
  });
  afterAll(async () => {
    await prod?.close();
    await dev?.close();
  });

  describe('slow senders', () => {
    it('closes a connection whose headers do not finish within the header deadline, answering 408', async () => {
      const sent = await trickle(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n', 'X-Slow: 1\r\n');
      expect(sent.closed).toBe(true);
      expect(sent.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(sent.afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    });

    it('closes a connection whose body does not finish within the request deadline', async () => {
      const head =
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100000\r\n\r\n{"username":"';
      const sent = await trickle(port, head, 'a');
      expect(sent.closed).toBe(true);
      expect(sent.afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    });

    it('closes an idle kept-alive connection at the keep-alive deadline, having answered its request', async () => {
      const sent = await trickle(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n', '');
      expect(sent.closed).toBe(true);
      expect(sent.answer).toMatch(/^HTTP\/1\.1 200/);
      expect(sent.afterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 50);
    });

    it('still answers a client that sends at an ordinary pace', async () => {
      expect((await prod.http().get('/api/health')).status).toBe(200);
    });
  });

  describe('the API description', () => {
    it('is refused 401 problem+json without a sign-in in production (API_DOCS=signed-in), page, script and JSON', async () => {
      for (const path of ['/api/docs', '/api/docs/swagger-ui-init.js', '/api/docs-json', '/api/docs-yaml']) {
        const res = await prod.http().get(path);
        expect({ path, status: res.status, problem: refusalProblem(res) }).toEqual({
          path,
          status: 401,
          problem: undefined,
        });
      }
      const forged = await prod.http().get('/api/docs-json').set(bearer('eyJhbGciOiJIUzI1NiJ9.e30.forged'));
      expect(forged.status).toBe(401);
    });

    it('is given to a signed-in user in production, and to anyone in development', async () => {
      const token = await prod.login(await createUser(prod, 'TEACHER', 'THCS-NQ'));
      const signedIn = await prod.http().get('/api/docs-json').set(bearer(token));
      expect(signedIn.status).toBe(200);
      expect(Object.keys(signedIn.body.paths).length).toBeGreaterThan(50);
      expect((await prod.http().get('/api/docs').set(bearer(token))).status).toBe(200);
      expect((await dev.http().get('/api/docs-json')).status).toBe(200);
    });
  });

  describe('the client address', () => {
    /** Signs a fresh teacher in, claiming an address in X-Forwarded-For, and reads back the address the session has. */
    async function sessionAddress(t: TestApp, claimed: string): Promise<string | null> {
      const username = await createUser(t, 'TEACHER', 'THCS-NQ');
      const login = await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', claimed)
        .send({ username, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const sessions = await t.http().get('/api/auth/sessions').set(bearer(login.body.accessToken));
      return (sessions.body as SessionItem[]).find((s) => s.current)?.address ?? null;
    }

    it('is taken from X-Forwarded-For when the sender is a trusted proxy (the loopback, by default)', async () => {
      expect(await sessionAddress(dev, '2001:db8:ed9e::1')).toBe('2001:db8:ed9e::1');
    });

    it('ignores X-Forwarded-For from a sender that is not a configured proxy', async () => {
      const address = await sessionAddress(prod, '2001:db8:ed9e::2');
      expect(address).not.toBe('2001:db8:ed9e::2');
      expect(address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    });
  });

  describe('the access log', () => {
    it('names the user, role and unit of a signed-in request, and no one for an unsigned one', async () => {
      const username = await createUser(prod, 'TEACHER', 'THCS-NQ');
      const [user] = await prod.owner.query(`select id, org_unit_id from app_user where username = $1`, [username]);
      const token = await prod.login(username);
      const signedId = `edge-log-${process.pid}-signed`;
      const unsignedId = `edge-log-${process.pid}-unsigned`;
      expect((await prod.http().get('/api/auth/me').set(bearer(token)).set('X-Request-Id', signedId)).status).toBe(200);
      expect((await prod.http().get('/api/auth/me').set('X-Request-Id', unsignedId)).status).toBe(401);
      const signed = await logLineOf(signedId);
      expect(signed).toMatchObject({ userId: user.id, role: 'TEACHER', orgUnitId: user.org_unit_id });
      expect(signed['res']).toMatchObject({ statusCode: 200 });
      const unsigned = await logLineOf(unsignedId);
      expect(unsigned['userId']).toBeUndefined();
      expect(unsigned['res']).toMatchObject({ statusCode: 401 });
    });

    /** The line pino-http writes when the answer is finished (just after the client has it). */
    async function logLineOf(requestId: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 100; i++) {
        const line = logLines.find((l) => (l['req'] as { id?: string } | undefined)?.id === requestId && l['res']);
        if (line) return line;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no access-log line for request ${requestId}`);
    }
  });
});

/**
 * Opens a raw connection, sends `head`, then one `drip` every 200 ms (none when empty), and reports whether and when
 * the server closed the connection, with what it answered.
 */
function trickle(
  port: number,
  head: string,
  drip: string,
): Promise<{ closed: boolean; afterMs: number; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const dripping = drip ? setInterval(() => socket.writable && socket.write(drip), 200) : undefined;
    const guard = setTimeout(() => finish(false), CLOSE_GUARD_MS);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.write(head);
    function finish(closed: boolean) {
      clearInterval(dripping);
      clearTimeout(guard);
      socket.destroy();
      resolve({ closed, afterMs: Date.now() - started, answer });
    }
  });
}
