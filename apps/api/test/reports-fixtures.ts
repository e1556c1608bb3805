import { randomUUID } from 'node:crypto';
import { OutboxRelay } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { TestApp } from './harness';

/**
 * Arranging the reports' org tree and facts as the schema owner: fresh units and schools under the department (so
 * the spec never shares rows with another), where each sat when, and fact rows with known sums.
 */
let serial = 0;

export interface Unit {
  id: string;
  code: string;
}

const FOUNDED = '2020-09-05T00:00:00+07:00';

function code(prefix: string): string {
  return `${prefix}-${process.pid % 10000}-${++serial}-${Date.now() % 10000}`.slice(0, 20);
}

/** A unit directly under the department, recorded in the parent history since 2020. */
export async function createUnit(t: TestApp): Promise<Unit> {
  const unitCode = code('RU');
  const dept = await t.unitId('SGDDT-HY');
  const [row] = await t.owner.query(
    `insert into org_unit (parent_id, kind, code, name) values ($1, 'UNIT', $2, $3) returning id`,
    [dept, unitCode, `Phòng thử ${unitCode}`],
  );
  await t.owner.query(`insert into org_unit_parent_history values ($1, $2, $3, null)`, [row.id, dept, FOUNDED]);
  t.app.get(OrgTreeService).invalidate();
  return { id: row.id, code: unitCode };
}

/** A school under `parent`, recorded there since 2020. */
export async function createReportSchool(
  t: TestApp,
  parent: Unit,
  ownership: 'PUBLIC' | 'PRIVATE' = 'PUBLIC',
): Promise<Unit> {
  const schoolCode = code('RS');
  const [row] = await t.owner.query(
    `insert into org_unit (parent_id, kind, code, name, levels, ownership)
     values ($1, 'SCHOOL', $2, $3, '{LOWER_SECONDARY}', $4) returning id`,
    [parent.id, schoolCode, `Trường thử ${schoolCode}`, ownership],
  );
  await t.owner.query(`insert into org_unit_parent_history values ($1, $2, $3, null)`, [row.id, parent.id, FOUNDED]);
  t.app.get(OrgTreeService).invalidate();
  return { id: row.id, code: schoolCode };
}

/** Moves a school to another parent from `day` (yyyy-MM-dd, Vietnam midnight), as tenancy records a move. */
export async function moveSchool(t: TestApp, school: Unit, to: Unit, day: string): Promise<void> {
  const at = `${day}T00:00:00+07:00`;
  await t.owner.query(`update org_unit_parent_history set valid_to = $2 where org_unit_id = $1 and valid_to is null`, [
    school.id,
    at,
  ]);
  await t.owner.query(`insert into org_unit_parent_history values ($1, $2, $3, null)`, [school.id, to.id, at]);
  await t.owner.query(`update org_unit set parent_id = $2 where id = $1`, [school.id, to.id]);
  t.app.get(OrgTreeService).invalidate();
}

/** One class's facts: pupils, the levels of CN and HK1, a maths result, attendance. */
export interface ClassFacts {
  grade: string;
  pupils: number;
  female: number;
  minority: number;
  ceiling?: number;
  learning: Record<string, number>;
  training: Record<string, number>;
  promotion: Record<string, number>;
  /** Maths of the period: pupils scored and the sum of their averages in tenths. */
  mathsScored: number;
  mathsSumTenths: number;
  recorded: number;
  present: number;
}

/** Writes a school's facts for the year (one row set per class) and marks it refreshed, as the refresher would. */
export async function writeFacts(
  t: TestApp,
  schoolId: string,
  yearId: string,
  classes: ClassFacts[],
  extra: { droppedOut?: number; teachers?: number } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, c] of classes.entries()) {
    const classId = randomUUID();
    ids.push(classId);
    const q = (sql: string, params: unknown[]) => t.owner.query(sql, params);
    await q(`insert into reporting.class_size values ($1, $2, $3, $4, $5, $6, $7)`, [
      schoolId,
      yearId,
      classId,
      c.grade,
      `${c.grade}A${i + 1}`,
      c.pupils,
      c.ceiling ?? 45,
    ]);
    const male = c.pupils - c.female - c.minority;
    for (const [gender, ethnicity, n] of [
      ['FEMALE', '01', c.female],
      ['MALE', '01', male],
      ['MALE', '02', c.minority],
    ] as const) {
      if (n > 0)
        await q(`insert into reporting.headcount values ($1, $2, $3, $4, $5, false, $6, $7)`, [
          schoolId,
          yearId,
          classId,
          gender,
          ethnicity,
          c.grade,
          n,
        ]);
    }
    for (const period of ['HK1', 'CN']) {
      const outcomes: [string, string, number][] = [
        ['pupils', '', c.pupils],
        ...Object.entries(c.learning).map(([k, n]) => ['learning', k, n] as [string, string, number]),
        ...Object.entries(c.training).map(([k, n]) => ['training', k, n] as [string, string, number]),
        ...(period === 'CN'
          ? Object.entries(c.promotion).map(([k, n]) => ['promotion', k, n] as [string, string, number])
          : []),
      ];
      for (const [measure, codeOf, n] of outcomes)
        await q(`insert into reporting.class_outcome values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          schoolId,
          yearId,
          period,
          classId,
          measure,
          codeOf,
          c.grade,
          n,
        ]);
      await q(
        `insert into reporting.subject_result values ($1, $2, $3, $4, 'TOAN', $5, $6, $7, $8,
           $7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
        [schoolId, yearId, period, classId, c.grade, c.pupils, c.mathsScored, c.mathsSumTenths],
      );
    }
    await q(`insert into reporting.attendance values ($1, $2, 'HK1', $3, $4, $5, $6, 0, 0, 0)`, [
      schoolId,
      yearId,
      classId,
      c.grade,
      c.recorded,
      c.present,
    ]);
  }
  if (extra.droppedOut)
    await t.owner.query(`insert into reporting.movement values ($1, $2, $3, 'DROPPED_OUT', 'MALE', $4)`, [
      schoolId,
      yearId,
      classes[0].grade,
      extra.droppedOut,
    ]);
  if (extra.teachers)
    await t.owner.query(
      `insert into reporting.staff_count values ($1, 'TEACHER', 'BACHELOR', 'PERMANENT', 'FEMALE', '30-39', $2)`,
      [schoolId, extra.teachers],
    );
  await bumpVersion(t, schoolId);
  return ids;
}

/**
 * What a refresh does besides rewriting facts: a new refreshed_at and a higher version. The time comes from the
 * inserted row (`excluded`), as FactsRepository writes it: Citus refuses now() in `DO UPDATE SET` on its tables.
 */
export async function bumpVersion(t: TestApp, schoolId: string): Promise<void> {
  await t.owner.query(
    `insert into reporting.school_state values ($1, now(), 1)
     on conflict (school_id) do update set refreshed_at = excluded.refreshed_at, version = reporting.school_state.version + 1`,
    [schoolId],
  );
}

/**
 * Waits until the read model is at rest: no event waiting for the relay and no dirty mark waiting for (or claimed by)
 * a refresh job, twice in a row. The spec files of one Jest worker share a database, so events an earlier file left
 * are folded in by this file's app in the background; a test comparing two reports waits for that first. Bounded:
 * fails rather than hangs.
 */
export async function settleReadModel(t: TestApp): Promise<void> {
  let quiet = 0;
  for (let round = 0; round < 1200; round++) {
    const [{ waiting }] = await t.owner.query(
      `select (select count(*) from outbox where published_at is null)
            + (select count(*) from reporting.dirty) as waiting`,
    );
    quiet = Number(waiting) === 0 ? quiet + 1 : 0;
    if (quiet === 2) return;
    await t.app.get(OutboxRelay).relayPending();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the read model never settled: events or dirty marks still waiting');
}

/**
 * What a report is summed from, as one text: events written, every school's facts version, the org tree and the changes
 * not folded into the facts yet. Equal before and after a read means no spec file running at the same time changed
 * anything the read could see.
 */
async function factsFingerprint(t: TestApp): Promise<string> {
  const [{ print }] = await t.owner.query(
    `select concat_ws('/', (select count(*) from outbox), (select max(occurred_at) from outbox),
                           (select coalesce(sum(version), 0) from reporting.school_state),
                           (select count(*) from org_unit), (select count(*) from org_unit_parent_history),
                           (select count(*) from outbox where published_at is null)
                             + (select count(*) from reporting.dirty)) as print`,
  );
  return print as string;
}

/**
 * Runs `read` (several requests whose answers a test compares with one another) at one moment of the data: spec
 * files share the database and write into it at any time, so a read during which anything changed is repeated,
 * after the read model settles. Comparing answers read at different moments proves nothing either way.
 */
export async function readAtRest<T>(t: TestApp, read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await settleReadModel(t);
    const before = await factsFingerprint(t);
    // Its last part counts the changes not yet folded into the facts: the live pages would already show them.
    if (!before.endsWith('/0')) continue;
    const value = await read();
    if ((await factsFingerprint(t)) === before) return value;
  }
  throw new Error('the data kept changing: 20 tries, none at rest');
}
