import { randomUUID } from 'node:crypto';
import { NotificationsService } from '@emis/api/grading';
import { OutboxRelay } from '@emis/api/platform';
import { auditRows } from './academic-fixtures';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, createSchool, createUser, startTestApp, TestApp } from './harness';

/**
 * In-app notifications of corrections (docs/domain/gradebook.md, "Notifications") on a school of its own: a request
 * tells the school's principal, a decision tells the teacher who asked; the outbox delivers them (the relay is run
 * here until they arrive, as the accounts spec does for its own reaction).
 */
describe('notifications: corrections requested and decided (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;
  const corrections = () => `/api/schools/${f.school.id}/grading/corrections`;
  const mine = (token: string, query: Record<string, unknown> = {}) =>
    t.http().get('/api/notifications').query(query).set(bearer(token));
  /** The recipient's notifications once `count` have arrived (the relay delivers at least once, in the background). */
  const arrived = async (token: string, count: number) => {
    for (let i = 0; i < 100; i++) {
      const res = await mine(token);
      if (res.body.total >= count) return res.body;
      await t.app.get(OutboxRelay).relayPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${count} notifications arrived`);
  };
  const request = (cells: Record<string, unknown>) =>
    t.http().post(corrections()).set(bearer(f.teacherA)).send({
      classId: f.classId,
      subjectCode: 'TOAN',
      semester: 1,
      studentId: f.studentIds[0],
      cells,
      reason: 'Nhập nhầm',
    });

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    const save = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId: f.studentIds[0], version: 0, cells: { GK: 7, CK: 8 } }] });
    expect(save.status).toBe(200);
    const lock = await t
      .http()
      .post(`/api/schools/${f.school.id}/grading/locks`)
      .set(bearer(f.school.admin))
      .send({ yearId: f.yearId, semester: 1 });
    expect(lock.status).toBe(201);
  });
  afterAll(() => t.close());

  it('tells the principal a correction is waiting, and nobody else', async () => {
    expect((await request({ CK: 9 })).status).toBe(201);
    const body = await arrived(f.school.admin, 1);
    expect(body).toMatchObject({ total: 1, unread: 1, page: 1 });
    expect(body.items[0]).toMatchObject({
      schoolId: f.school.id,
      kind: 'CORRECTION_REQUESTED',
      readAt: null,
      details: { studentName: 'Nguyễn Văn An', className: '6A', subjectCode: 'TOAN', semester: 1 },
    });
    expect((await mine(f.teacherA)).body).toMatchObject({ total: 0, unread: 0 });
    expect((await mine(f.teacherB)).body).toMatchObject({ total: 0, unread: 0 });
    expect((await t.http().get('/api/notifications/unread').set(bearer(f.school.admin))).body).toEqual({ unread: 1 });
  });

  it('tells the teacher who asked when the principal approves, and when they reject with a note', async () => {
    const pending = await t.http().get(corrections()).query({ status: 'PENDING' }).set(bearer(f.school.admin));
    const approved = await t
      .http()
      .post(`${corrections()}/${pending.body.items[0].id}/approve`)
      .set(bearer(f.school.admin))
      .send({ note: 'Đồng ý' });
    expect(approved.status).toBe(200);
    const second = await request({ GK: 8 });
    expect(second.status).toBe(201);
    const rejected = await t
      .http()
      .post(`${corrections()}/${second.body.id}/reject`)
      .set(bearer(f.school.admin))
      .send({ note: 'Không có minh chứng' });
    expect(rejected.status).toBe(200);
    const body = await arrived(f.teacherA, 2);
    expect(body.items.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'CORRECTION_APPROVED',
      'CORRECTION_REJECTED',
    ]);
    expect(body.items.find((n: { kind: string }) => n.kind === 'CORRECTION_REJECTED').details).toMatchObject({
      note: 'Không có minh chứng',
      decidedByName: expect.any(String),
    });
    expect((await mine(f.teacherB)).body.total).toBe(0);
    // The principal was told of both requests.
    expect((await arrived(f.school.admin, 2)).total).toBe(2);
  });

  it('lists unread first, marks one read (audited, once), and refuses another user’s with 404', async () => {
    const before = await mine(f.teacherA);
    const [first, second] = before.body.items;
    const read = await t.http().post(`/api/notifications/${first.id}/read`).set(bearer(f.teacherA));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await t.http().post(`/api/notifications/${first.id}/read`).set(bearer(f.teacherA))).body.readAt).toBe(
      read.body.readAt,
    );
    const after = await mine(f.teacherA);
    expect(after.body).toMatchObject({ total: 2, unread: 1 });
    expect(after.body.items.map((n: { id: string }) => n.id)).toEqual([second.id, first.id]);
    expect((await t.http().post(`/api/notifications/${second.id}/read`).set(bearer(f.teacherB))).status).toBe(404);
    const audit = (await auditRows(t, f.school.id, 'notification')).filter((a) => a.action === 'UPDATE');
    expect(audit).toEqual([expect.objectContaining({ entity_id: first.id, before: { readAt: null } })]);
  });

  it('pages: one per page, the totals on each', async () => {
    const page2 = await mine(f.teacherA, { page: 2, pageSize: 1 });
    expect(page2.body).toMatchObject({ total: 2, unread: 1, page: 2, pageSize: 1 });
    expect(page2.body.items).toHaveLength(1);
    const bad = await mine(f.teacherA, { pageSize: 0 });
    expect(bad.status).toBe(400);
  });

  it('writes each event’s notifications once, however often it is delivered', async () => {
    const [{ count }] = await t.owner.query(`select count(*)::int as count from notification where school_id = $1`, [
      f.school.id,
    ]);
    const [event] = await t.owner.query(
      `select id, type, school_id as "schoolId", aggregate_id as "aggregateId", payload from outbox
        where school_id = $1 and type = 'grading.correction-decided' order by occurred_at limit 1`,
      [f.school.id],
    );
    const service = t.app.get(NotificationsService);
    await t.owner.transaction((em) =>
      service.deliver(em, { ...event, occurredAt: new Date().toISOString() }, 'CORRECTION_APPROVED', [
        event.payload.requestedBy,
      ]),
    );
    const [{ count: again }] = await t.owner.query(
      `select count(*)::int as count from notification where school_id = $1`,
      [f.school.id],
    );
    expect(again).toBe(count);
  });
  it('tells only active accounts that still have the school in scope: a disabled principal, a disabled or moved teacher get nothing', async () => {
    const g = await gradingClass(t, ['Hoàng Thị Mai', 'Vũ Văn Nam']);
    const idOf = async (username: string): Promise<string> =>
      (await t.owner.query(`select id from app_user where username = $1`, [username]))[0].id;
    const [{ id: principal }] = await t.owner.query(
      `select id from app_user where org_unit_id = $1 and role = 'SCHOOL_ADMIN'`,
      [g.school.id],
    );
    const disabledPrincipal = await idOf(await createUser(t, 'SCHOOL_ADMIN', g.school.code));
    await t.owner.query(
      `update app_user set active = false, disabled_at = now(), disabled_reason = 'Nghỉ hưu' where id = $1`,
      [disabledPrincipal],
    );
    const path = sheetPath(g);
    await t
      .http()
      .put(path)
      .set(bearer(g.teacherA))
      .send({
        requestId: randomUUID(),
        rows: g.studentIds.map((studentId) => ({ studentId, version: 0, cells: { GK: 7 } })),
      })
      .expect(200);
    await t
      .http()
      .post(`/api/schools/${g.school.id}/grading/locks`)
      .set(bearer(g.school.admin))
      .send({ yearId: g.yearId, semester: 1 })
      .expect(201);
    const ask = async (i: number, gk = 8) => {
      const res = await t
        .http()
        .post(`/api/schools/${g.school.id}/grading/corrections`)
        .set(bearer(g.teacherA))
        .send({
          classId: g.classId,
          subjectCode: 'TOAN',
          semester: 1,
          studentId: g.studentIds[i],
          cells: { GK: gk },
          reason: 'Nhập nhầm',
        });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    /** Runs the relay until `subscriber` has handled every event of the correction, then answers its notifications. */
    const delivered = async (correctionId: string, type: string, subscriber: string) => {
      for (let i = 0; i < 100; i++) {
        const [{ pending }] = await t.owner.query(
          `select count(*)::int as pending from outbox o
            where o.school_id = $1 and o.aggregate_id = $2 and o.type = $3
              and not exists (select 1 from outbox_delivery d
                               where d.school_id = o.school_id and d.event_id = o.id and d.subscriber = $4)`,
          [g.school.id, correctionId, type, subscriber],
        );
        const [{ events }] = await t.owner.query(
          `select count(*)::int as events from outbox where school_id = $1 and aggregate_id = $2 and type = $3`,
          [g.school.id, correctionId, type],
        );
        if (events > 0 && pending === 0) break;
        await t.app.get(OutboxRelay).relayPending();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const rows = await t.owner.query(
        `select recipient_id from notification where school_id = $1 and subject_id = $2 and kind = $3`,
        [
          g.school.id,
          correctionId,
          type === 'grading.correction-requested' ? 'CORRECTION_REQUESTED' : 'CORRECTION_APPROVED',
        ],
      );
      return rows.map((r: { recipient_id: string }) => r.recipient_id);
    };
    const decide = (id: string) =>
      t
        .http()
        .post(`/api/schools/${g.school.id}/grading/corrections/${id}/approve`)
        .set(bearer(g.school.admin))
        .send({ note: 'Đồng ý' })
        .expect(200);
    const [{ id: teacherUser }] = await t.owner.query(`select id from app_user where staff_id = $1`, [g.staffA]);

    // A request: the active principal is told; the disabled one is not, and is not named in the audit either.
    const first = await ask(0);
    expect(await delivered(first, 'grading.correction-requested', NotificationsService.ON_REQUESTED)).toEqual([
      principal,
    ]);
    const audit = (await auditRows(t, g.school.id, 'notification')).filter((a) => a.action === 'CREATE');
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.map((a) => a.after))).not.toContain(disabledPrincipal);

    // The teacher's account is disabled before the decision: nobody is told of it.
    const second = await ask(1);
    await t.owner.query(`update app_user set active = false, disabled_at = now() where id = $1`, [teacherUser]);
    await decide(second);
    expect(await delivered(second, 'grading.correction-decided', NotificationsService.ON_DECIDED)).toEqual([]);

    // Active again but moved to another school: the first school's decision is not theirs to hear of.
    await t.owner.query(`update app_user set active = true, disabled_at = null where id = $1`, [teacherUser]);
    const elsewhere = await createSchool(t, 'PGD-KC');
    await t.owner.query(`update app_user set org_unit_id = $2 where id = $1`, [teacherUser, elsewhere.id]);
    await decide(first);
    expect(await delivered(first, 'grading.correction-decided', NotificationsService.ON_DECIDED)).toEqual([]);

    // The control: an active teacher of the school who asks is told.
    await t.owner.query(`update app_user set org_unit_id = $2 where id = $1`, [teacherUser, g.school.id]);
    const third = await ask(1, 9);
    await decide(third);
    expect(await delivered(third, 'grading.correction-decided', NotificationsService.ON_DECIDED)).toEqual([
      teacherUser,
    ]);
  });
});
