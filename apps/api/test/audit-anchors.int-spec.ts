import { AnchorFile, anchorSettings, AuditAnchors } from '@emis/api/audit';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { EntityManager } from 'typeorm';
import { eventually } from './faults-fixtures';
import { bearer, createSchool, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

/**
 * The anchors of the audit chains (docs/security/anchor.md): what the database's owner can do to a chain — rewrite it
 * with every later hash recomputed, cut its end, delete it — recomputes without a break, and only the anchors, signed
 * outside the database, tell. Each attack is made here as the owner, in a school of this spec's own.
 */
describe('audit anchors outside the database', () => {
  let t: TestApp;
  let anchors: AuditAnchors;
  let deptAdmin: string;
  let keyDir: string;
  let anchorDir: string;
  let publicKeyFile: string;

  beforeAll(async () => {
    keyDir = mkdtempSync(path.join(tmpdir(), 'emis-anchor-key-'));
    anchorDir = mkdtempSync(path.join(tmpdir(), 'emis-anchors-'));
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signingKeyFile = path.join(keyDir, 'signing.pem');
    publicKeyFile = path.join(keyDir, 'public.pem');
    writeFileSync(signingKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    // A long interval: the tests anchor when they need to (anchorNow, what the job runs), not when the clock says.
    t = await startTestApp({
      ANCHOR_SIGNING_KEY: signingKeyFile,
      ANCHOR_DIR: anchorDir,
      ANCHOR_INTERVAL_SECONDS: '3600',
    });
    anchors = t.app.get(AuditAnchors);
    deptAdmin = await t.login('admin.so');
  });
  afterAll(async () => {
    await t.close();
    rmSync(keyDir, { recursive: true, force: true });
    rmSync(anchorDir, { recursive: true, force: true });
  });

  const profileVersion = async (id: string) =>
    (await t.owner.query(`select version from school_profile where school_id = $1`, [id]))[0].version as number;

  /** A school of this spec's own whose chain has three rows (three profile changes), anchored. */
  async function anchoredSchool(): Promise<string> {
    const { id } = await createSchool(t, 'PGD-KC');
    for (const phone of ['0912000101', '0912000102', '0912000103']) {
      const res = await t
        .http()
        .patch(`/api/schools/${id}/profile`)
        .set(bearer(deptAdmin))
        .send({ phone, version: await profileVersion(id) });
      expect(res.status).toBe(200);
    }
    await anchors.anchorNow();
    expect(await verifyOverHttp(id)).toMatchObject({
      valid: true,
      rows: 3,
      anchor: { status: 'MATCHES', anchoredSeq: 3 },
    });
    return id;
  }

  /** As the owner, with the append-only trigger off for this transaction only (other specs keep writing meanwhile). */
  const asOwnerWithoutTrigger = (work: (em: EntityManager) => Promise<void>) =>
    t.owner.transaction(async (em) => {
      await em.query(`set local session_replication_role = replica`);
      await work(em);
    });

  /** Recomputes every row's link and hash from `seq` on, in order, and moves the head to the last: a clean forgery. */
  async function rehashFrom(em: EntityManager, schoolId: string, seq: number): Promise<void> {
    const [{ last }] = await em.query(`select max(seq)::int as last from audit_log where school_id = $1`, [schoolId]);
    for (let s = seq; s <= last; s++) {
      await em.query(
        `update audit_log l set prev_hash = coalesce((select hash from audit_log where school_id = $1 and seq = $2 - 1),
                                                      repeat('0', 64))
          where school_id = $1 and seq = $2`,
        [schoolId, s],
      );
      await em.query(
        `update audit_log set hash = audit_row_hash(prev_hash, school_id, seq, at, actor_id, actor_name,
                                                    actor_org_unit_id, entity, entity_id, action, before, after, request_id)
          where school_id = $1 and seq = $2`,
        [schoolId, s],
      );
    }
    await moveHeadTo(em, schoolId, last);
  }

  const moveHeadTo = (em: EntityManager, schoolId: string, seq: number) =>
    em.query(
      `update audit_chain_head set last_seq = $2, last_hash = (select hash from audit_log where school_id = $1 and seq = $2)
        where school_id = $1`,
      [schoolId, seq],
    );

  /** What audit_verify alone (the chain recomputed inside the database) says. */
  const recomputed = async (schoolId: string) =>
    (await t.owner.query(`select rows::int, broken_at from audit_verify($1)`, [schoolId]))[0];

  const verifyOverHttp = async (schoolId: string) => {
    const res = await t.http().get(`/api/audit/verify?schoolId=${schoolId}`).set(bearer(deptAdmin));
    expect(res.status).toBe(200);
    return res.body;
  };

  const mismatchEvents = (schoolId: string) =>
    t.owner.query(
      `select alert, detail from security_event where kind = 'AUDIT_ANCHOR_MISMATCH' and target_unit_id = $1`,
      [schoolId],
    );

  it('a chain rewritten with every later hash recomputed verifies on its own, and the anchor says rewritten', async () => {
    const schoolId = await anchoredSchool();
    await asOwnerWithoutTrigger(async (em) => {
      await em.query(
        `update audit_log set after = jsonb_set(after, '{phone}', '"0999999999"') where school_id = $1 and seq = 2`,
        [schoolId],
      );
      await rehashFrom(em, schoolId, 2);
    });

    expect(await recomputed(schoolId)).toEqual({ rows: 3, broken_at: null });
    expect(await verifyOverHttp(schoolId)).toMatchObject({
      valid: false,
      brokenAtSeq: null,
      anchor: { status: 'REWRITTEN', anchoredSeq: 3, fileValid: true },
    });

    // The periodic run alerts the department, and does not anchor the forged head.
    const run = await anchors.anchorNow();
    expect(run.mismatched).toContainEqual(
      expect.objectContaining({ school: schoolId, check: expect.objectContaining({ status: 'REWRITTEN' }) }),
    );
    expect(await mismatchEvents(schoolId)).toEqual([
      { alert: true, detail: expect.objectContaining({ status: 'REWRITTEN', anchoredSeq: 3 }) },
    ]);
    await anchors.anchorNow();
    expect(await mismatchEvents(schoolId)).toHaveLength(1);
    expect((await verifyOverHttp(schoolId)).anchor).toMatchObject({ status: 'REWRITTEN', anchoredSeq: 3 });
  });

  it('a chain cut at its end with its head moved back verifies on its own, and the anchor says truncated', async () => {
    const schoolId = await anchoredSchool();
    await asOwnerWithoutTrigger(async (em) => {
      await em.query(`delete from audit_log where school_id = $1 and seq = 3`, [schoolId]);
      await moveHeadTo(em, schoolId, 2);
    });

    expect(await recomputed(schoolId)).toEqual({ rows: 2, broken_at: null });
    expect(await verifyOverHttp(schoolId)).toMatchObject({
      valid: false,
      rows: 2,
      anchor: { status: 'TRUNCATED', anchoredSeq: 3 },
    });
    await anchors.anchorNow();
    expect(await mismatchEvents(schoolId)).toEqual([
      { alert: true, detail: expect.objectContaining({ status: 'TRUNCATED' }) },
    ]);
  });

  describe('a chain deleted with its head', () => {
    let schoolId: string;
    beforeAll(async () => {
      schoolId = await anchoredSchool();
      await asOwnerWithoutTrigger(async (em) => {
        await em.query(`delete from audit_log where school_id = $1`, [schoolId]);
        await em.query(`delete from audit_chain_head where school_id = $1`, [schoolId]);
      });
    });

    it('is "valid, 0 rows" on its own, and deleted against its anchor', async () => {
      expect(await recomputed(schoolId)).toEqual({ rows: 0, broken_at: null });
      expect(await verifyOverHttp(schoolId)).toMatchObject({
        valid: false,
        rows: 0,
        anchor: { status: 'DELETED', anchoredSeq: 3 },
      });
      await anchors.anchorNow();
      expect(await mismatchEvents(schoolId)).toEqual([
        { alert: true, detail: expect.objectContaining({ status: 'DELETED' }) },
      ]);
    });

    it('is listed by the CLI checking every chain, from the anchors alone, with the public key only', async () => {
      const all = await cli([]);
      expect(all.code).toBe(2);
      expect(all.stdout).toMatch(new RegExp(`${schoolId}  rows=0  OK  anchor DELETED \\(seq 3\\)`));
    });
  });

  describe('the anchor file', () => {
    /** A copy of the anchor file, changed by `tamper`, in a folder of its own. */
    function tamperedCopy(tamper: (lines: string[]) => string[]): string {
      const lines = readFileSync(path.join(anchorDir, 'audit-anchors.jsonl'), 'utf8').trimEnd().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      const dir = mkdtempSync(path.join(tmpdir(), 'emis-anchors-tampered-'));
      writeFileSync(path.join(dir, 'audit-anchors.jsonl'), `${tamper(lines).join('\n')}\n`);
      return dir;
    }

    const fold = (dir: string) =>
      new AnchorFile(dir, anchorSettings({ ANCHOR_PUBLIC_KEY: publicKeyFile, ANCHOR_DIR: dir })!.keys).refresh();

    let small: string;
    beforeAll(async () => {
      await anchoredSchool();
      small = await anchoredSchool();
    });

    it('verifies as written: every line signed, numbered and linked', async () => {
      const ledger = await fold(anchorDir);
      expect(ledger.problems).toEqual([]);
      expect(ledger.lines).toBeGreaterThanOrEqual(3);
      expect(ledger.lastSeq).toBe(ledger.lines);
    });

    it('with a line removed, breaks at the line after it', async () => {
      const dir = tamperedCopy((lines) => lines.filter((_, i) => i !== 1));
      try {
        expect((await fold(dir)).problems).toEqual([
          { line: 2, problem: 'SEQUENCE_GAP' },
          { line: 2, problem: 'BROKEN_LINK' },
        ]);
        const res = await cli([small], dir);
        expect(res.code).toBe(2);
        expect(res.stdout).toContain('anchor file line 2: BROKEN_LINK');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('with a head in a line edited, fails that line’s signature and the next line’s link', async () => {
      const dir = tamperedCopy((lines) =>
        lines.map((line, i) => (i === 1 ? line.replace(/"hash":"[0-9a-f]/, '"hash":"x') : line)),
      );
      try {
        expect((await fold(dir)).problems).toEqual([
          { line: 2, problem: 'BAD_SIGNATURE' },
          { line: 3, problem: 'BROKEN_LINK' },
        ]);
        const res = await cli([small], dir);
        expect(res.code).toBe(2);
        expect(res.stdout).toContain('anchor file line 2: BAD_SIGNATURE');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('cut behind the running API’s back, is reported by the verification endpoint', async () => {
      const file = path.join(anchorDir, 'audit-anchors.jsonl');
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
      const schoolId = (await t.owner.query(`select school_id from audit_chain_head limit 1`))[0].school_id;
      const body = await verifyOverHttp(schoolId);
      expect(body.valid).toBe(false);
      expect(body.anchor).toMatchObject({ fileValid: false, fileProblems: [{ line: 0, problem: 'SHRUNK' }] });
    });
  });

  // Last: a second app in this process takes over passport's process-wide 'jwt' strategy, so the first one's
  // requests fail once the second is closed.
  it('are written by the scheduled job: every chain at start, then only the chains that moved', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emis-anchors-scheduled-'));
    const file = path.join(dir, 'audit-anchors.jsonl');
    const { privateKey } = generateKeyPairSync('ed25519');
    // Its own key: the job of one key runs only in processes holding it, so this app never writes into the other file.
    const scheduled = await startTestApp({
      ANCHOR_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ANCHOR_DIR: dir,
      ANCHOR_INTERVAL_SECONDS: '1',
    });
    const written = () =>
      existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as { seq: number; chains: { school: string }[] })
        : [];
    try {
      const [first] = await eventually('the first anchor', async () => (written().length ? written() : undefined));
      const [{ chains }] = await t.owner.query(`select count(*)::int as chains from audit_chain_head`);
      expect(first.seq).toBe(1);
      expect(first.chains.length).toBeGreaterThanOrEqual(Math.min(chains, 1));

      const { id } = await createSchool(t, 'PGD-KC');
      const res = await t
        .http()
        .patch(`/api/schools/${id}/profile`)
        .set(bearer(deptAdmin))
        .send({ phone: '0912000199', version: await profileVersion(id) });
      expect(res.status).toBe(200);
      const naming = await eventually('an anchor naming the school that moved', async () =>
        written().find((a) => a.chains.some((c) => c.school === id)),
      );
      expect(naming.seq).toBeGreaterThan(1);
      expect(naming.chains.length).toBeLessThan(first.chains.length + 1);
    } finally {
      await scheduled.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** The operator's CLI (as the owner), checking with the public key only. */
  async function cli(args: string[], dir = anchorDir): Promise<{ code: number; stdout: string }> {
    const entry = path.resolve(__dirname, '../../../dist/apps/api/apps/api/src/cli.js');
    if (!existsSync(entry)) throw new Error(`Build the API first (npx nx build api): ${entry} is missing`);
    const env = {
      ...process.env,
      DATABASE_URL: readTestEnv().ownerUrl,
      ANCHOR_DIR: dir,
      ANCHOR_PUBLIC_KEY: publicKeyFile,
    };
    return promisify(execFile)('node', [entry, 'audit:verify', ...args], { env, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  }
});
