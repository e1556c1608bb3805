import { EventSubscribers, OutboxEvent, OutboxPublisher, OutboxRelay, TenantDb } from '@emis/api/platform';
import { bearer, queueSchemasOf, startTestApp, TestApp } from './harness';
import { auditRows, createClass, insertStaff, openYearId, schoolWithAdmin, SchoolFixture } from './academic-fixtures';

/**
 * The transactional outbox with its first event (docs/adr/table-ownership-and-events.md): staff leaving a school
 * writes staff.left-school in the transaction of the change; the relay hands it to pg-boss; academic releases the
 * person's duties in its own transaction, once, however often the event is delivered.
 */
describe('outbox events: staff leaving a school → academic releases their duties (real PostgreSQL, real pg-boss)', () => {
  let t: TestApp;
  let dept: string;
  let school: SchoolFixture;
  let yearId: string;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    school = await schoolWithAdmin(t);
    yearId = await openYearId(t);
  });
  afterAll(() => t.close());

  /** A teacher who is homeroom teacher of a new class of the open year and teaches it maths in semester 1. */
  async function teacherWithDuties(name: string, className: string): Promise<{ staffId: string; classId: string }> {
    const staffId = await insertStaff(t, school.id, name, 'ACTIVE', ['TOAN']);
    const cls = await createClass(t, school, {
      schoolYearId: yearId,
      name: className,
      grade: '7',
      homeroomStaffId: staffId,
    });
    await assign(staffId, cls.id);
    return { staffId, classId: cls.id };
  }
  const assign = (staffId: string, classId: string) =>
    t.owner.query(
      `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at) values ($1, $2, 'TOAN', 1, $3, now())`,
      [school.id, classId, staffId],
    );
  const events = (staffId: string) =>
    t.owner.query(
      `select id, type, school_id, aggregate_id, payload, occurred_at, published_at from outbox
        where aggregate_id = $1 and type = 'staff.left-school' order by occurred_at`,
      [staffId],
    );
  const duties = async (staffId: string, classId: string) => {
    const [cls] = await t.owner.query(`select homeroom_staff_id from class where school_id = $1 and id = $2`, [
      school.id,
      classId,
    ]);
    const [{ n }] = await t.owner.query(
      `select count(*)::int as n from teaching_assignment where school_id = $1 and staff_id = $2`,
      [school.id, staffId],
    );
    return { homeroom: cls.homeroom_staff_id as string | null, assignments: n as number };
  };
  /** Waits for what the relay and pg-boss do in the background; the test's own timeout bounds the wait. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      await t.app.get(OutboxRelay).relayPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const retire = async (staffId: string) => {
    const [{ version }] = await t.owner.query(`select version from staff where school_id = $1 and id = $2`, [
      school.id,
      staffId,
    ]);
    return t
      .http()
      .patch(`/api/schools/${school.id}/staff/${staffId}`)
      .set(bearer(school.admin))
      .send({ status: 'RETIRED', version });
  };

  it('writes no event when the change rolls back: a transfer failing after the event was written leaves neither', async () => {
    const receiving = await schoolWithAdmin(t);
    const { staffId, classId } = await teacherWithDuties('Lương Thị Hoàn', '7H1');
    // A fault after the outbox insert: the transfer's audit row for the sending school is refused.
    await t.owner.query(`
      create function outbox_test_refuse_audit() returns trigger language plpgsql as $$
      begin
        if new.entity = 'staff' and new.entity_id = '${staffId}' and new.action = 'UPDATE' then raise exception 'refused by the test'; end if;
        return new;
      end $$;
      create trigger outbox_test_refuse_audit before insert on audit_log for each row execute function outbox_test_refuse_audit();
    `);
    try {
      const res = await t
        .http()
        .post(`/api/schools/${school.id}/staff/${staffId}/transfer`)
        .set(bearer(dept))
        .send({ toSchoolId: receiving.id, effectiveOn: '2026-11-23', decisionNumber: '140/QĐ-SGDĐT' });
      expect(res.status).toBe(500);
    } finally {
      await t.owner.query(
        `drop trigger outbox_test_refuse_audit on audit_log; drop function outbox_test_refuse_audit();`,
      );
    }
    expect(await events(staffId)).toEqual([]);
    const [staff] = await t.owner.query(`select status from staff where school_id = $1 and id = $2`, [
      school.id,
      staffId,
    ]);
    expect(staff.status).toBe('ACTIVE');
    await t.app.get(OutboxRelay).relayPending();
    expect(await duties(staffId, classId)).toEqual({ homeroom: staffId, assignments: 1 });
  });

  it("writes the event with the change, delivers it, and academic releases the retired teacher's duties and audits it", async () => {
    const { staffId, classId } = await teacherWithDuties('Khúc Thị Hưu', '7H2');
    expect((await retire(staffId)).status).toBe(200);
    const [written] = await events(staffId);
    expect(written).toMatchObject({
      type: 'staff.left-school',
      school_id: school.id,
      aggregate_id: staffId,
      payload: { staffId, status: 'RETIRED' },
    });
    expect(
      await until(
        () => duties(staffId, classId),
        (d) => d.homeroom === null && d.assignments === 0,
      ),
    ).toEqual({ homeroom: null, assignments: 0 });
    const [published] = await until(
      () => events(staffId),
      ([e]) => e.published_at !== null,
    );
    expect(published.published_at).toBeInstanceOf(Date);
    const [delivery] = await t.owner.query(
      `select subscriber from outbox_delivery where school_id = $1 and event_id = $2`,
      [school.id, written.id],
    );
    expect(delivery).toEqual({ subscriber: 'academic.release-duties' });
    const audit = (await auditRows(t, school.id, 'staff_duties')).filter((r) => r.entity_id === staffId);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'UPDATE',
        after: {
          released: { homeroomClasses: ['7H2'], assignments: 1 },
          cause: { event: 'staff.left-school', id: written.id, status: 'RETIRED' },
        },
      }),
    ]);
  });

  it('is harmless when delivered again, by pg-boss or straight to the subscriber', async () => {
    const { staffId, classId } = await teacherWithDuties('Đào Thị Lặp', '7H3');
    expect((await retire(staffId)).status).toBe(200);
    await until(
      () => duties(staffId, classId),
      (d) => d.assignments === 0,
    );
    // Something the handler would release if it ran again: the event's effect must not be applied twice.
    await assign(staffId, classId);
    const [row] = await until(
      () => events(staffId),
      ([e]) => e.published_at !== null,
    );
    const event: OutboxEvent = {
      id: row.id,
      type: row.type,
      schoolId: row.school_id,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      occurredAt: row.occurred_at.toISOString(),
    };
    const sub = t.app.get(EventSubscribers).get('academic.release-duties')!;
    await t.app.get(OutboxRelay).deliver(sub, event);
    // The relay sends it again as after a crash between the send and the stamp (at least once).
    await t.owner.query(`update outbox set published_at = null where school_id = $1 and id = $2`, [school.id, row.id]);
    await t.app.get(OutboxRelay).relayPending();
    // In every queue schema: the first relay may have been another spec file's application's (docs/testing.md).
    const schemas = await queueSchemasOf(t.owner);
    const jobs = () =>
      t.owner.query(
        schemas
          .map(
            (schema) =>
              `select state::text from ${schema}.job where name = 'event__academic__release-duties' and data->>'id' = $1`,
          )
          .join(' union all '),
        [row.id],
      );
    expect(
      await until(jobs, (j) => j.length === 2 && j.every((x: { state: string }) => x.state === 'completed')),
    ).toHaveLength(2);
    expect(await duties(staffId, classId)).toEqual({ homeroom: null, assignments: 1 });
    expect((await auditRows(t, school.id, 'staff_duties')).filter((r) => r.entity_id === staffId)).toHaveLength(1);
  });

  it('releases nothing for a person active at the school again by the time the event arrives', async () => {
    const { staffId, classId } = await teacherWithDuties('Hà Thị Về', '7H4');
    const sub = t.app.get(EventSubscribers).get('academic.release-duties')!;
    const event: OutboxEvent = {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'staff.left-school',
      schoolId: school.id,
      aggregateId: staffId,
      payload: { staffId, status: 'TRANSFERRED', effectiveOn: '2026-11-25' },
      occurredAt: new Date().toISOString(),
    };
    await t.app.get(OutboxRelay).deliver(sub, event);
    expect(await duties(staffId, classId)).toEqual({ homeroom: staffId, assignments: 1 });
  });

  describe('batch projections', () => {
    const seen: { ids: string[]; unpublished: number }[] = [];
    const committed: { ids: string[]; published: number }[] = [];
    let failing = false;

    beforeAll(() => {
      t.app.get(EventSubscribers).project({
        name: 'test.batch-projection',
        types: ['test.projected'],
        record: async (em, batch) => {
          if (failing) throw new Error('projection refuses the batch');
          const ids = batch.map((e) => e.id);
          const [{ n }] = await em.query(
            `select count(*)::int as n from outbox where id = any($1::uuid[]) and published_at is null`,
            [ids],
          );
          seen.push({ ids, unpublished: n });
        },
        afterCommit: async (batch) => {
          const ids = batch.map((e) => e.id);
          const [{ n }] = await t.owner.query(
            `select count(*)::int as n from outbox where id = any($1::uuid[]) and published_at is not null`,
            [ids],
          );
          committed.push({ ids, published: n });
        },
      });
    });

    /** Events of a type only the test projection folds, written in one transaction of the school. */
    async function publish(count: number): Promise<string[]> {
      const scope = { rootId: school.id, all: false, orgUnitIds: [school.id] };
      return t.app.get(TenantDb).runWithScope(scope, async (em) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i++)
          ids.push(
            await t.app
              .get(OutboxPublisher)
              .publish(em, { type: 'test.projected', schoolId: school.id, aggregateId: school.id, payload: { i } }),
          );
        return ids;
      });
    }
    const published = async (ids: string[]) =>
      (
        await t.owner.query(
          `select count(*)::int as n from outbox where id = any($1::uuid[]) and published_at is not null`,
          [ids],
        )
      )[0].n;

    it('folds each batch inside the relay transaction before the events are marked published, then calls afterCommit', async () => {
      const ids = await publish(5);
      await t.app.get(OutboxRelay).relayPending();
      const mine = seen.filter((b) => b.ids.some((id) => ids.includes(id)));
      expect(mine.flatMap((b) => b.ids).sort()).toEqual([...ids].sort());
      expect(mine.every((b) => b.unpublished === b.ids.length)).toBe(true);
      const after = committed.filter((b) => b.ids.some((id) => ids.includes(id)));
      expect(after.flatMap((b) => b.ids).sort()).toEqual([...ids].sort());
      expect(after.every((b) => b.published === b.ids.length)).toBe(true);
    });

    it("ends a run while events keep coming: what occurred after the run began is the next run's", async () => {
      // Every batch this projection folds makes another event at once, committed beside the relay's transaction: a
      // relay that went on until no event was left would never end (as under a steady stream of saves).
      const scope = { rootId: school.id, all: false, orgUnitIds: [school.id] };
      const spawned: string[] = [];
      t.app.get(EventSubscribers).project({
        name: 'test.endless-projection',
        types: ['test.endless'],
        record: async () => {
          if (spawned.length >= 50) return; // a bound for the test itself, far above what an ending run makes
          spawned.push(
            await t.app
              .get(TenantDb)
              .runWithScope(scope, (em) =>
                t.app
                  .get(OutboxPublisher)
                  .publish(em, { type: 'test.endless', schoolId: school.id, aggregateId: school.id, payload: {} }),
              ),
          );
        },
      });
      await t.app
        .get(TenantDb)
        .runWithScope(scope, (em) =>
          t.app
            .get(OutboxPublisher)
            .publish(em, { type: 'test.endless', schoolId: school.id, aggregateId: school.id, payload: {} }),
        );
      await t.app.get(OutboxRelay).relayPending();
      // One batch folded, one event made during the run and left for the next (this instance's timer, or another
      // test app's relay on the same database, may have begun that next run already: at most a couple more).
      expect(spawned.length).toBeGreaterThanOrEqual(1);
      expect(spawned.length).toBeLessThanOrEqual(3);
      // The next run takes the event made during the first one.
      await t.app.get(OutboxRelay).relayPending();
      expect(await published(spawned.slice(0, 1))).toBe(1);
    });

    it('leaves a batch unpublished when the projection fails, and folds it on a later run (at least once)', async () => {
      failing = true;
      const ids = await publish(2);
      await expect(t.app.get(OutboxRelay).relayPending()).rejects.toThrow('projection refuses the batch');
      expect(await published(ids)).toBe(0);
      expect(seen.some((b) => b.ids.some((id) => ids.includes(id)))).toBe(false);
      failing = false;
      await t.app.get(OutboxRelay).relayPending();
      expect(await published(ids)).toBe(2);
      expect(
        seen
          .filter((b) => b.ids.some((id) => ids.includes(id)))
          .flatMap((b) => b.ids)
          .sort(),
      ).toEqual([...ids].sort());
    });
  });
});
