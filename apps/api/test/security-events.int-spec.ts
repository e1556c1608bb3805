import { SecurityEvents } from '@emis/api/audit';
import type { SecurityEvent } from '@emis/contracts';
import { REFUSAL_BURST } from '@emis/domain';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { bearer, createSchool, createUser, startTestApp, TestApp } from './harness';
import { enrolUser } from './totp';

/** A webhook receiver on a local port: what it was sent, and how it answers (status, delay) — changeable per test. */
interface Receiver {
  url: string;
  received: { text: string; event: SecurityEvent }[];
  answer: { status: number; delayMs: number };
  close: () => Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const answer = { status: 200, delayMs: 0 };
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => resolve(body));
    });
  const server: Server = createServer((req, res) => {
    const { status, delayMs } = answer;
    void readBody(req).then((body) => {
      if (status === 200) received.push(JSON.parse(body));
      setTimeout(() => res.writeHead(status).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits for `ready` (polled), failing with `what` after `ms`. */
async function waitFor(what: string, ready: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('security events: refusals, bursts, alerts and their delivery', () => {
  let t: TestApp;
  let receiver: Receiver;
  let deptAdmin: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ SECURITY_WEBHOOK_URL: receiver.url });
    deptAdmin = await t.login('admin.so');
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const userIdOf = async (username: string) =>
    (await t.owner.query(`select id from app_user where username = $1`, [username]))[0].id as string;
  const eventsOf = async (userId: string) =>
    (await t.owner.query(`select * from security_event where user_id = $1 order by at, id`, [userId])) as {
      kind: string;
      alert: boolean;
      target_unit_id: string | null;
      method: string;
      path: string;
      detail: Record<string, unknown>;
    }[];

  /** A fresh school with a fresh user of `role` in it, so counts and bursts are this test's own. */
  const freshUser = async (role: string) => {
    const school = await createSchool(t, 'PGD-KC');
    const username = await createUser(t, role, school.code);
    // Administrators must enrol a second factor before they work (docs/domain/sign-in.md): enrolled, as in use.
    if (role === 'SCHOOL_ADMIN') await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    return { school, token: await t.login(username), userId: await userIdOf(username) };
  };

  it("records a school administrator's look at another school's pupils as CROSS_SCOPE_REFUSED, answered 404", async () => {
    const admin = await freshUser('SCHOOL_ADMIN');
    const other = await createSchool(t, 'PGD-KC');
    const res = await t.http().get(`/api/schools/${other.id}/students`).set(bearer(admin.token));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    const events = await eventsOf(admin.userId);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'CROSS_SCOPE_REFUSED',
        alert: false,
        target_unit_id: other.id,
        method: 'GET',
        path: `/api/schools/${other.id}/students`,
      }),
    ]);
  });

  it('records nothing for an id that does not exist in the caller’s own school', async () => {
    const admin = await freshUser('SCHOOL_ADMIN');
    const res = await t.http().get(`/api/schools/${admin.school.id}/students/${randomUUID()}`).set(bearer(admin.token));
    expect(res.status).toBe(404);
    expect(await eventsOf(admin.userId)).toEqual([]);
  });

  it("records a teacher calling a manager's route as PERMISSION_REFUSED, naming the permission, answered 403", async () => {
    const teacher = await freshUser('TEACHER');
    const res = await t.http().get('/api/audit').query({ schoolId: teacher.school.id }).set(bearer(teacher.token));
    expect(res.status).toBe(403);
    expect(await eventsOf(teacher.userId)).toEqual([
      expect.objectContaining({ kind: 'PERMISSION_REFUSED', detail: { permission: 'audit.read' }, path: '/api/audit' }),
    ]);
  });

  it('raises one REFUSAL_BURST alert when one user collects many refusals, delivered to the webhook', async () => {
    const teacher = await freshUser('TEACHER');
    const other = await createSchool(t, 'PGD-KC');
    for (let i = 0; i < REFUSAL_BURST.threshold + 5; i++) {
      const path = i % 2 ? '/api/audit' : `/api/schools/${other.id}/classes`;
      const res = await t.http().get(path).set(bearer(teacher.token));
      expect([403, 404]).toContain(res.status);
    }
    const events = await eventsOf(teacher.userId);
    expect(events.filter((e) => e.kind !== 'REFUSAL_BURST')).toHaveLength(REFUSAL_BURST.threshold + 5);
    const bursts = events.filter((e) => e.kind === 'REFUSAL_BURST');
    expect(bursts).toEqual([
      expect.objectContaining({ alert: true, detail: expect.objectContaining({ refusals: REFUSAL_BURST.threshold }) }),
    ]);
    await waitFor('the burst at the webhook', () =>
      receiver.received.some((r) => r.event.kind === 'REFUSAL_BURST' && r.event.userId === teacher.userId),
    );
    const delivered = receiver.received.find((r) => r.event.userId === teacher.userId);
    expect(delivered?.text).toContain('REFUSAL_BURST');
  });

  it('keeps a request fast while the webhook is slow, and retries a receiver that failed', async () => {
    // The receiver takes 3 s and then refuses: were the alert posted in the request, recording it would take as long.
    Object.assign(receiver.answer, { status: 503, delayMs: 3000 });
    const marker = randomUUID();
    const started = Date.now();
    await t.app.get(SecurityEvents).record({ kind: 'AUDIT_ANCHOR_MISMATCH', alert: true, detail: { marker } });
    expect(Date.now() - started).toBeLessThan(1000);
    const arrived = () => receiver.received.some((r) => r.event.detail['marker'] === marker);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(arrived()).toBe(false);
    // The failed job is retried by pg-boss; once the receiver accepts, the alert arrives.
    Object.assign(receiver.answer, { status: 200, delayMs: 0 });
    await waitFor('the retried alert', arrived, 60_000);
  });

  it('lists events for the department administrator with filters and paging, and acknowledges an alert', async () => {
    const teacher = await freshUser('TEACHER');
    for (let i = 0; i < REFUSAL_BURST.threshold; i++) {
      await t.http().get('/api/audit').set(bearer(teacher.token));
    }
    const list = (query: Record<string, string>) =>
      t.http().get('/api/security-events').query(query).set(bearer(deptAdmin));
    const page = await list({ userId: teacher.userId, pageSize: '5', page: '2' });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: REFUSAL_BURST.threshold + 1, page: 2, pageSize: 5 });
    expect(page.body.items).toHaveLength(5);
    const byKind = await list({ userId: teacher.userId, kind: 'PERMISSION_REFUSED', pageSize: '1' });
    expect(byKind.body.total).toBe(REFUSAL_BURST.threshold);
    const open = await list({ userId: teacher.userId, alerts: 'true', open: 'true' });
    expect(open.body.items).toEqual([expect.objectContaining({ kind: 'REFUSAL_BURST', acknowledgedAt: null })]);
    const future = await list({ userId: teacher.userId, from: new Date(Date.now() + 60_000).toISOString() });
    expect(future.body.total).toBe(0);

    const before = (await t.http().get('/api/security-events/open-alerts').set(bearer(deptAdmin))).body.openAlerts;
    expect(before).toBeGreaterThanOrEqual(1);
    const ack = await t.http().post(`/api/security-events/${open.body.items[0].id}/acknowledge`).set(bearer(deptAdmin));
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ acknowledgedBy: await userIdOf('admin.so') });
    expect(ack.body.acknowledgedAt).not.toBeNull();
    expect((await list({ userId: teacher.userId, alerts: 'true', open: 'true' })).body.total).toBe(0);

    const missing = await t.http().post(`/api/security-events/${randomUUID()}/acknowledge`).set(bearer(deptAdmin));
    expect(missing.status).toBe(404);
  });

  it('shows the events to the department administrator only', async () => {
    const officer = await t.login('chuyenvien.so');
    expect((await t.http().get('/api/security-events').set(bearer(officer))).status).toBe(403);
  });
});
