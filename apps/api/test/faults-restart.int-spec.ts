import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { demoSheet, eventually } from './faults-fixtures';
import { bearer } from './harness';
import { readTestEnv } from './test-env';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKERS = 8;
/** Acknowledged saves before the API is killed: enough that every worker is busy, few enough to stay quick. */
const KILL_AFTER = 40;
const COLUMNS = ['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK'];

/** The built API (tools/start.mjs --no-build) as a child process on a database of the spec's own. */
class BuiltApi {
  private child?: ChildProcess;
  private output = '';
  private port = 0;

  constructor(private readonly env: Record<string, string>) {}

  http() {
    return request(`http://127.0.0.1:${this.port}`);
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/start.mjs'), '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await eventually(
      `the built API on port ${this.port}`,
      async () => {
        if (child.exitCode !== null)
          throw new Error(`the API exited (${child.exitCode}):\n${this.output.slice(-3000)}`);
        const res = await this.http()
          .get('/api/health')
          .catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      100,
    );
  }

  /** Kills the process at once (SIGKILL): no shutdown hook runs, in-flight requests are cut. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Save {
  requestId: string;
  rows: { studentId: string; version: number; cells: Record<string, number> }[];
}

interface Entry {
  version: number;
  cells: Record<string, number>;
}

/**
 * Teachers keep saving while the API process is killed (SIGKILL) and started again. Every save answered 200 must be in
 * the database with its history; a save cut off without an answer is either wholly committed or wholly absent, and
 * retried with its requestId after the restart it is applied (or answered from its stored result) exactly once.
 */
describe('faults: the API killed under load and started again', () => {
  const database = `emis_faults_${process.pid}`;
  const env = readTestEnv();
  const admin = new DataSource({ type: 'postgres', url: env.ownerUrl, extra: { max: 1 } });
  let owner: DataSource;
  let api: BuiltApi;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`Build the API first (npx nx build api): ${MAIN} is missing`);
    await admin.initialize();
    // An empty database of the spec's own: the API's first start migrates it and seeds the demo province.
    await admin.query(`create database ${database}`);
    const url = new URL(env.ownerUrl);
    url.pathname = `/${database}`;
    api = new BuiltApi({
      DATABASE_URL: url.toString(),
      APP_DB_PASSWORD: env.appPassword,
      // Roles belong to the whole server: the migrate step sets the run's own passwords, never others.
      JOBS_DB_PASSWORD: env.jobsPassword,
      JWT_SECRET: env.jwtSecret,
      SCOPE_KEY: env.scopeKey,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
      IMPORT_WORKER: 'off',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '10',
      WEB_DIST_DIR: path.join(ROOT, 'tmp/faults-no-web'),
    });
    await api.start();
    owner = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 2 } });
    await owner.initialize();
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
    await owner?.destroy();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.destroy();
  });

  it('keeps every acknowledged grade with its history; a save cut off is all or nothing and its retry applies once', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'giaovien.nhuquynh', password: 'Emis@2026' });
    const token = login.body.accessToken as string;
    const sheet = await demoSheet(owner);
    const opened = await api.http().get(sheet.path).set(bearer(token));
    // The seed leaves this gradebook empty; the checks below still count only what this spec wrote.
    expect(opened.status).toBe(200);
    const model = new Map<string, Entry>(
      opened.body.rows.map((r: { studentId: string } & Entry) => [r.studentId, { version: r.version, cells: r.cells }]),
    );
    const pupils = [...model.keys()];
    const acked: Save[] = [];
    const cutOff: Save[] = [];
    let killing: Promise<void> | undefined;

    const save = (s: Save) =>
      api.http().put(sheet.path).set(bearer(token)).send({ requestId: s.requestId, rows: s.rows });
    // Each worker owns its pupils, so its next save is always based on the current versions: no 409 is expected.
    const worker = async (w: number) => {
      const mine = pupils.filter((_, i) => i % WORKERS === w);
      while (!killing) {
        const s = nextSave(mine, model);
        const res = await save(s).catch(() => undefined);
        if (!res) {
          cutOff.push(s);
          return;
        }
        if (res.status !== 200) throw new Error(`save answered ${res.status}: ${JSON.stringify(res.body)}`);
        acked.push(s);
        for (const r of res.body.rows as ({ studentId: string } & Entry)[])
          model.set(r.studentId, { version: r.version, cells: r.cells });
        if (acked.length >= KILL_AFTER) killing ??= api.kill();
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await killing;
    expect(cutOff.length).toBeGreaterThan(0);

    await api.start();
    for (const s of cutOff) {
      await expectAllOrNothing(owner, s);
      const retried = await save(s);
      expect(retried.status).toBe(200);
      expect(versionsOf(retried.body.rows)).toEqual(
        Object.fromEntries(s.rows.map((r) => [r.studentId, r.version + 1])),
      );
      acked.push(s);
      for (const r of retried.body.rows as ({ studentId: string } & Entry)[])
        model.set(r.studentId, { version: r.version, cells: r.cells });
    }
    await expectDatabaseHolds(owner, sheet.classId, [...acked, ...cutOff], acked, model);
  });
});

/** A save of one or two of the worker's pupils, each cell set to a value it does not hold yet. */
function nextSave(mine: string[], model: Map<string, Entry>): Save {
  const picks = [
    ...new Set([mine[Math.floor(Math.random() * mine.length)], mine[Math.floor(Math.random() * mine.length)]]),
  ];
  return {
    requestId: randomUUID(),
    rows: picks.map((studentId) => {
      const current = model.get(studentId)!;
      const cells: Record<string, number> = {};
      for (const column of COLUMNS.filter(() => Math.random() < 0.4)
        .slice(0, 2)
        .concat(COLUMNS[Math.floor(Math.random() * COLUMNS.length)])) {
        const was = current.cells[column];
        let v = Math.floor(Math.random() * 21) / 2;
        if (v === was) v = v >= 5 ? v - 1 : v + 1;
        cells[column] = v;
      }
      return { studentId, version: current.version, cells };
    }),
  };
}

function versionsOf(rows: { studentId: string; version: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.studentId, r.version]));
}

/** A save cut off by the kill: committed before it (answer stored, each cell's history, rows one version up) or absent. */
async function expectAllOrNothing(owner: DataSource, s: Save): Promise<void> {
  const [claim] = await owner.query(
    `select response is not null as answered from grade_save_request where request_id = $1`,
    [s.requestId],
  );
  const [{ n }] = await owner.query(`select count(*)::int as n from grade_change where request_id = $1`, [s.requestId]);
  const rows = await owner.query(
    `select student_id as "studentId", version from grade_entry where student_id = any($1::uuid[])`,
    [s.rows.map((r) => r.studentId)],
  );
  const cells = s.rows.reduce((k, r) => k + Object.keys(r.cells).length, 0);
  const based = s.rows
    .filter((r) => claim || r.version > 0)
    .map((r) => ({ ...r, version: claim ? r.version + 1 : r.version }));
  expect({ answered: claim?.answered ?? false, history: n, versions: versionsOf(rows) }).toEqual({
    answered: Boolean(claim),
    history: claim ? cells : 0,
    versions: versionsOf(based),
  });
}

/** Every acknowledged cell has its history row (and no other save of this spec has one), and the rows hold the last values. */
async function expectDatabaseHolds(
  owner: DataSource,
  classId: string,
  sent: Save[],
  acked: Save[],
  model: Map<string, Entry>,
): Promise<void> {
  const history: { request_id: string; student_id: string; column_key: string; new_value: number }[] =
    await owner.query(
      `select c.request_id, c.student_id, c.column_key, c.new_value from grade_change c join gradebook g on g.school_id = c.school_id and g.id = c.gradebook_id
      where g.class_id = $1 and g.subject_code = 'TOAN' and g.semester = 1 and c.request_id = any($2::uuid[])`,
      [classId, sent.map((s) => s.requestId)],
    );
  const expected = acked.flatMap((s) =>
    s.rows.flatMap((r) => Object.entries(r.cells).map(([column, v]) => `${s.requestId}/${r.studentId}/${column}=${v}`)),
  );
  expect(history.map((h) => `${h.request_id}/${h.student_id}/${h.column_key}=${h.new_value}`).sort()).toEqual(
    expected.sort(),
  );
  const rows: { student_id: string; version: number; cells: Record<string, number> }[] = await owner.query(
    `select e.student_id, e.version, e.cells from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
      where g.class_id = $1 and g.subject_code = 'TOAN' and g.semester = 1`,
    [classId],
  );
  const stored = new Map(rows.map((r) => [r.student_id, { version: r.version, cells: r.cells }]));
  for (const [studentId, entry] of model) {
    expect({ studentId, ...(stored.get(studentId) ?? { version: 0, cells: {} }) }).toEqual({ studentId, ...entry });
  }
}
