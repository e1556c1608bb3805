import { HttpStatus } from '@nestjs/common';
import type { RuleSettingsService } from '@emis/api/academic';
import { AuditChange, AuditService } from '@emis/api/audit';
import { Principal, ProblemException } from '@emis/api/platform';
import { CellValue, defaultRuleSettings } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { columnsOf, GradeWriter, parseRowCells, WriteMeta } from './grade-writer';
import { CellChange, EntryRecord, EntryWrite, GradebookRecord, GradebookRepository } from './gradebook.repository';

const maths: GradebookRecord = {
  id: 'gb1',
  classId: 'c6a',
  subjectCode: 'TOAN',
  semester: 1,
  scheme: 'C22',
  schemeVersion: '22/2021/TT-BGDĐT',
  assessment: 'SCORE',
  periodsPerYear: 35,
  yearCode: '2024-2025',
};
const music: GradebookRecord = { ...maths, id: 'gb2', subjectCode: 'AM_NHAC', assessment: 'COMMENT' };
const teacher: Principal = {
  userId: 'u1',
  username: 'gv.lan',
  fullName: 'Cô Lan',
  role: 'TEACHER',
  orgUnitId: 'school',
} as Principal;
const meta: WriteMeta = {
  actor: teacher,
  at: new Date('2025-01-10T02:00:00Z'),
  reason: null,
  correctionId: null,
  requestId: 'r1',
};
const em = {} as EntityManager;

/**
 * grade_entry and grade_change in memory, with the repository's one rule that matters here: an existing row is
 * updated only from the version just before the written one (`where grade_entry.version = excluded.version - 1`).
 * The SQL itself is covered by the integration tests.
 */
class MemoryGradebook {
  readonly rows = new Map<string, EntryRecord>();
  readonly changes: CellChange[] = [];
  readonly audits: AuditChange[] = [];

  repository(): GradebookRepository {
    return {
      upsertEntries: async (
        _em: EntityManager,
        _school: string,
        _gb: string,
        writes: EntryWrite[],
        actor: { name: string },
        at: Date,
      ) => {
        const written = new Set<string>();
        for (const w of writes) {
          const stored = this.rows.get(w.studentId);
          if (stored && stored.version !== w.version - 1) continue;
          this.rows.set(w.studentId, { ...w, updatedAt: at.toISOString(), updatedByName: actor.name });
          written.add(w.studentId);
        }
        return written;
      },
      entries: async (_em: EntityManager, _school: string, _gb: string, ids: string[]) =>
        new Map(ids.flatMap((id) => (this.rows.has(id) ? [[id, this.rows.get(id)!] as const] : []))),
      insertChanges: async (_em: EntityManager, _school: string, _gb: string, changes: CellChange[]) => {
        this.changes.push(...changes);
      },
    } as unknown as GradebookRepository;
  }

  audit(): AuditService {
    return {
      record: async (_em: EntityManager, change: AuditChange) => this.audits.push(change),
    } as unknown as AuditService;
  }

  seed(studentId: string, cells: Record<string, CellValue>, version: number, comment: string | null = null): void {
    this.rows.set(studentId, {
      studentId,
      cells,
      comment,
      average: null,
      rating: null,
      version,
      updatedAt: '2025-01-09T00:00:00Z',
      updatedByName: 'Thầy Minh',
    });
  }

  /** What the service read at the start of its transaction. */
  snapshot(): Map<string, EntryRecord> {
    return new Map([...this.rows].map(([id, row]) => [id, { ...row, cells: { ...row.cells } }]));
  }
}

describe('writing grades', () => {
  let db: MemoryGradebook;
  let writer: GradeWriter;
  beforeEach(() => {
    db = new MemoryGradebook();
    // The year's rule settings are the defaults: a missed assessment leaves the average uncomputed.
    const rules = { forYearCode: async (_em: unknown, code: string) => defaultRuleSettings(code) };
    writer = new GradeWriter(db.repository(), db.audit(), rules as unknown as RuleSettingsService);
  });

  it('merges the changed cells into the row, recomputes the average with the domain rule and bumps the version', async () => {
    db.seed('an', { TX1: 8, TX2: 8, GK: 7 }, 3);
    const writes = await writer.apply(
      em,
      'school',
      maths,
      '6',
      db.snapshot(),
      [{ studentId: 'an', cells: { CK: 9 } }],
      meta,
    );
    // (8 + 8 + 2·7 + 3·9) / 7 = 57 / 7 = 8,14… → 8,1
    expect(writes).toEqual([
      {
        studentId: 'an',
        cells: { TX1: 8, TX2: 8, GK: 7, CK: 9 },
        comment: null,
        average: 8.1,
        rating: null,
        version: 4,
      },
    ]);
    expect(db.rows.get('an')).toMatchObject({ version: 4, average: 8.1, updatedByName: 'Cô Lan' });
  });

  it('starts a pupil’s first row at version 1 and leaves the average empty while an assessment is missing', async () => {
    const writes = await writer.apply(
      em,
      'school',
      maths,
      '6',
      new Map(),
      [{ studentId: 'binh', cells: { TX1: 6 } }],
      meta,
    );
    expect(writes).toEqual([
      { studentId: 'binh', cells: { TX1: 6 }, comment: null, average: null, rating: null, version: 1 },
    ]);
  });

  it('rates a comment subject', async () => {
    const writes = await writer.apply(
      em,
      'school',
      music,
      '6',
      new Map(),
      [{ studentId: 'an', cells: { TX1: 'D', TX2: 'D', GK: 'CD', CK: 'D' } }],
      meta,
    );
    expect(writes[0]).toMatchObject({ average: null, rating: 'CD' });
  });

  it('keeps every changed cell’s history, old and new value, a cleared cell and the comment included', async () => {
    db.seed('an', { TX1: 8, TX2: 8 }, 1, 'Cũ');
    await writer.apply(
      em,
      'school',
      maths,
      '6',
      db.snapshot(),
      [{ studentId: 'an', cells: { TX1: 8, TX2: null, GK: 7 }, comment: 'Mới' }],
      meta,
    );
    expect(db.changes).toEqual([
      { studentId: 'an', column: 'TX2', oldValue: 8, newValue: null },
      { studentId: 'an', column: 'GK', oldValue: null, newValue: 7 },
      { studentId: 'an', column: 'comment', oldValue: 'Cũ', newValue: 'Mới' },
    ]);
    expect(db.rows.get('an')?.cells).toEqual({ TX1: 8, GK: 7 });
  });

  it('writes nothing, audits nothing and keeps the version when nothing changes', async () => {
    db.seed('an', { TX1: 8 }, 5, 'Tốt');
    const writes = await writer.apply(
      em,
      'school',
      maths,
      '6',
      db.snapshot(),
      [
        { studentId: 'an', cells: { TX1: 8 } },
        { studentId: 'an', cells: {}, comment: 'Tốt' },
      ],
      meta,
    );
    expect(writes).toEqual([]);
    expect(db.rows.get('an')?.version).toBe(5);
    expect(db.changes).toEqual([]);
    expect(db.audits).toEqual([]);
  });

  it('keeps the comment when the change omits it and clears it when it is empty', async () => {
    db.seed('an', { TX1: 8 }, 1, 'Tốt');
    db.seed('binh', { TX1: 8 }, 1, 'Khá');
    const writes = await writer.apply(
      em,
      'school',
      maths,
      '6',
      db.snapshot(),
      [
        { studentId: 'an', cells: { TX1: 9 } },
        { studentId: 'binh', cells: {}, comment: '' },
      ],
      meta,
    );
    expect(writes.map((w) => [w.studentId, w.comment])).toEqual([
      ['an', 'Tốt'],
      ['binh', null],
    ]);
  });

  it('audits the whole change once, before and after per pupil, with the correction’s reason when there is one', async () => {
    db.seed('an', { TX1: 8 }, 1);
    await writer.apply(
      em,
      'school',
      maths,
      '6',
      db.snapshot(),
      [
        { studentId: 'an', cells: { TX1: 9 } },
        { studentId: 'binh', cells: { TX1: 5 } },
      ],
      {
        ...meta,
        correctionId: 'k1',
        reason: 'Nhập nhầm',
      },
    );
    expect(db.audits).toEqual([
      {
        schoolId: 'school',
        entity: 'gradebook',
        entityId: 'gb1',
        action: 'UPDATE',
        before: { an: { cells: { TX1: 8 }, comment: null }, binh: null },
        after: {
          an: { cells: { TX1: 9 }, comment: null },
          binh: { cells: { TX1: 5 }, comment: null },
          correctionId: 'k1',
          reason: 'Nhập nhầm',
        },
      },
    ]);
  });

  it('answers 409 grade_conflict with the row as it now stands when someone saved it since it was read', async () => {
    db.seed('an', { TX1: 8 }, 1);
    const read = db.snapshot();
    db.seed('an', { TX1: 6 }, 2);
    db.rows.get('an')!.updatedByName = 'Thầy Minh';
    const error = await writer
      .apply(em, 'school', maths, '6', read, [{ studentId: 'an', cells: { TX1: 9 } }], meta)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(HttpStatus.CONFLICT);
    expect((error as ProblemException).code).toBe('grade_conflict');
    expect((error as ProblemException).extra).toEqual({
      conflicts: [
        {
          studentId: 'an',
          version: 2,
          cells: { TX1: 6 },
          comment: null,
          updatedAt: '2025-01-09T00:00:00Z',
          updatedByName: 'Thầy Minh',
        },
      ],
    });
    expect(db.changes).toEqual([]);
    expect(db.audits).toEqual([]);
  });
});

describe('reading the cells of a request', () => {
  const columns = columnsOf(maths, '6');

  it('parses every cell with the domain rule, a decimal comma included', () => {
    const { parsed, errors } = parseRowCells(
      columns,
      [{ studentId: 'an', cells: { TX1: '7,5', GK: 8, CK: '' } }],
      'rows',
    );
    expect(errors).toEqual([]);
    expect(parsed.get('an')).toEqual({ TX1: 7.5, GK: 8, CK: null });
  });

  it('answers each wrong cell by path, with the limits its message needs', () => {
    const { errors } = parseRowCells(
      [...columns, ...columnsOf(music, '6').map((c) => ({ ...c, key: `M_${c.key}` }))],
      [
        { studentId: 'an', cells: { TX1: '11' } },
        { studentId: 'binh', cells: { TX2: '7,25', HS1: 5, M_TX1: 'T' } },
      ],
      'rows',
    );
    expect(errors).toEqual([
      { field: 'rows.0.cells.TX1', rule: 'outOfRange', args: [0, 10] },
      { field: 'rows.1.cells.TX2', rule: 'tooManyDecimals', args: [1] },
      { field: 'rows.1.cells.HS1', rule: 'unknownColumn', args: [] },
      { field: 'rows.1.cells.M_TX1', rule: 'notARating', args: [['Đ', 'CĐ']] },
    ]);
  });

  it('takes a Circular 27 test of 0 and refuses 7.5 and 11 — the save and the Excel import read cells alike', () => {
    const primary = columnsOf({ ...maths, scheme: 'C27', semester: 2, periodsPerYear: 175 }, '5');
    const { parsed, errors } = parseRowCells(
      primary,
      [
        { studentId: 'an', cells: { GK_TEST: 0, CK_TEST: '0' } },
        { studentId: 'binh', cells: { GK_TEST: '7,5', CK_TEST: 11 } },
      ],
      'rows',
    );
    expect(parsed.get('an')).toEqual({ GK_TEST: 0, CK_TEST: 0 });
    expect(errors).toEqual([
      { field: 'rows.1.cells.GK_TEST', rule: 'notWholeScore', args: [0, 10] },
      { field: 'rows.1.cells.CK_TEST', rule: 'outOfRange', args: [0, 10] },
    ]);
  });
});
