import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo } from 'node:net';
import type { Test } from 'supertest';
import { readZip, writeZip } from './fuzz-zip';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { XLSX_TYPE } from './imports-fixtures';

/**
 * The hostile upload of issue 14: a sổ điểm carrying 4.3 million shared strings in under a megabyte, sent by a
 * teacher through the gradebook import. Parsed by exceljs on the API's event loop it froze every request for 7.8 s;
 * now the pre-scan refuses it at the door (400, a HOSTILE_UPLOAD security event) without inflating it, and
 * /api/health keeps answering throughout. Health is asked by a process of its own, so the count it reports does not
 * depend on this test process's event loop, which the API's shares.
 */
const SHARED_STRINGS = 4_300_000;

describe('a hostile workbook through the gradebook import', () => {
  let t: TestApp;
  let f: GradingFixture;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('is refused with a 400 and a security event, and /api/health answers all along', async () => {
    const file = await hostileGradebook(t, f);
    const health = new HealthProbe(`${base}/api/health`);
    await health.started();
    const from = Date.now();
    const res = await upload(t, f, file);
    const until = Date.now();
    await health.answered(until);
    const answers = await health.stop();

    expect({ status: res.status, code: res.body.code, detail: res.body.detail }).toEqual({
      status: 400,
      code: 'hostile_workbook',
      detail: expect.stringMatching(/nén quá chặt|quá nhiều chuỗi văn bản/),
    });
    const events = await t.owner.query(
      `select detail from security_event where kind = 'HOSTILE_UPLOAD' and target_unit_id = $1 and path like '%/import'`,
      [f.school.id],
    );
    expect(events).toEqual([
      { detail: expect.objectContaining({ importKind: 'GRADEBOOK', bytes: file.length, reason: expect.any(String) }) },
    ]);
    // The longest silence of /api/health across the upload, from the last answer before it to the first after it.
    // A parse on the event loop froze it for the parse's length (7.8 s for this file); answering throughout, its
    // silences are one round trip. How many answers fit in the upload depends on how fast the machine refuses the
    // file, so that is not what is checked (a loaded CI machine counted 2).
    const around = [
      ...answers.filter((at) => at < from).slice(-1),
      ...answers.filter((at) => at >= from && at <= until),
      ...answers.filter((at) => at > until).slice(0, 1),
    ];
    const silence = Math.max(...around.slice(1).map((at, i) => at - around[i]));
    expect(health.failures).toBe(0);
    expect(around.length).toBeGreaterThanOrEqual(2);
    expect(silence).toBeLessThan(2_000);
  });
});

/** The teacher's own exported sổ điểm with a shared-strings part of 4.3 million strings (a few hundred distinct). */
async function hostileGradebook(t: TestApp, f: GradingFixture): Promise<Buffer> {
  const exported = await t
    .http()
    .get(`${sheetPath(f)}/export.xlsx`)
    .set(bearer(f.teacherA))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(exported.status).toBe(200);
  const strings = Array.from({ length: SHARED_STRINGS }, (_, i) => `<si><t>Học sinh ${i % 300}</t></si>`).join('');
  const sst = Buffer.from(
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${SHARED_STRINGS}" uniqueCount="${SHARED_STRINGS}">${strings}</sst>`,
  );
  const parts = readZip(exported.body as Buffer).filter((e) => e.name !== 'xl/sharedStrings.xml');
  const file = writeZip([...parts, { name: 'xl/sharedStrings.xml', data: sst }]);
  expect(file.length).toBeLessThan(1024 * 1024);
  return file;
}

function upload(t: TestApp, f: GradingFixture, file: Buffer): Test {
  return t
    .http()
    .post(`${sheetPath(f)}/import`)
    .set(bearer(f.teacherA))
    .attach('file', file, { filename: 'so-diem.xlsx', contentType: XLSX_TYPE });
}

/**
 * Asks /api/health one request after another from a child process, which prints the time of each answer (its own
 * clock is the wall clock this test reads too).
 */
class HealthProbe {
  private readonly child: ChildProcess;
  private readonly answers: number[] = [];
  failures = 0;
  private first?: () => void;

  constructor(url: string) {
    const script = `
      const url = process.env.HEALTH_URL;
      (async () => {
        for (;;) {
          try {
            const res = await fetch(url);
            await res.arrayBuffer();
            process.stdout.write((res.ok ? 'ok ' : 'bad ') + Date.now() + '\\n');
          } catch {
            process.stdout.write('bad ' + Date.now() + '\\n');
          }
        }
      })();
      process.stdin.on('end', () => process.exit(0));
      process.stdin.resume();`;
    this.child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, HEALTH_URL: url },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [verdict, at] = line.split(' ');
        if (verdict === 'ok') this.answers.push(Number(at));
        else this.failures += 1;
        this.first?.();
      }
    });
  }

  /** Resolves once health answered a first time: the probe is running before the upload starts. */
  started(): Promise<void> {
    return new Promise((resolve) => (this.first = resolve));
  }

  /** Resolves once health answered after `at`. */
  async answered(at: number): Promise<void> {
    while (!this.answers.some((answer) => answer > at)) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async stop(): Promise<number[]> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    await exited;
    return this.answers;
  }
}
