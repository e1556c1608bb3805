import { HttpStatus, Injectable } from '@nestjs/common';
import type { ConductRow, ConductSheet, ConductSheetSave } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { PRIMARY_QUALITIES, QualityRating, Scheme, schemeFor } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { ConductPeriod, ConductRecord, ConductRepository, ConductWrite, YEAR_CONDUCT } from './conduct.repository';
import { GradebookRepository, GradingClass, RosterStudent } from './gradebook.repository';
import { GradebookService, GradingAccess } from './gradebook.service';
import { GradingEvents } from './grading-events';

const QUALITY_CODES = new Set(PRIMARY_QUALITIES.map((q) => q.code));
const QUALITY_RATINGS: readonly QualityRating[] = ['TOT', 'DAT', 'CAN_CO_GANG'];

type RowInput = ConductSheetSave['rows'][number];

/**
 * Conduct, rated each semester by the class's homeroom teacher:
 * - Circular 22 Art. 8: the training level (kết quả rèn luyện) Tốt / Khá / Đạt / Chưa đạt;
 * - Circular 27 Art. 7.2: each quality and competency Tốt / Đạt / Cần cố gắng (`qualities`, by PRIMARY_QUALITIES code);
 * - Circular 58 Art. 4: conduct (hạnh kiểm) Tốt / Khá / Trung bình / Yếu, kept in the same `training` column as
 *   TOT / KHA / DAT / CHUA_DAT — the four levels in the same order, so Trung bình is stored as DAT and Yếu as
 *   CHUA_DAT; the books print them with the Circular 58 words (see `conductLabel`).
 * - Circular 58 Art. 3.2: the year conduct is entered by the homeroom teacher "mainly from semester II and the
 *   pupil's progress" — a sheet of its own (`semester` 0, the path's CN), with the semester ratings as a hint; it is
 *   never derived. Other schemes have no year sheet (Circular 22 computes its year level; Circular 27 has none).
 * Everyone who may read the class's gradebook may read the sheet; only the homeroom teacher writes it.
 */
@Injectable()
export class ConductService {
  constructor(
    private readonly gradebook: GradebookService,
    private readonly repo: GradebookRepository,
    private readonly conduct: ConductRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: GradingEvents,
  ) {}

  async sheet(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: ConductPeriod,
  ): Promise<ConductSheet> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { cls, access } = await this.openSheet(em, actor, schoolId, classId, semester);
      const sheet = await this.sheetOf(em, schoolId, cls, semester, access);
      // Pupils' conduct ratings: the read is audited, naming the pupils shown (docs/domain/personal-data.md).
      await this.audit.recordRead(
        em,
        {
          schoolId,
          entity: 'conduct',
          entityId: `${classId}:${semester}`,
          ids: sheet.rows.map((r) => r.studentId),
          filter: { classId, semester },
        },
        actor,
      );
      return sheet;
    });
  }

  /**
   * Saves changed rows in one transaction, audited once. Each row carries the version it was based on: a row
   * changed since by someone else refuses the whole save with 409 `version_conflict` and the current rows.
   */
  async save(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: ConductPeriod,
    body: ConductSheetSave,
  ): Promise<ConductSheet> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { cls, access } = await this.openSheet(em, actor, schoolId, classId, semester);
      if (!access.homeroom) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
      if (!access.yearWritable) throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', cls.schoolYearCode);
      if (access.locked) throw new ProblemException(HttpStatus.LOCKED, 'gradebook_locked');
      const scheme = schemeFor(cls.schoolYearCode, cls.grade)!;
      const roster = await this.repo.roster(em, schoolId, classId);
      const errors = rowErrors(scheme, body.rows, roster);
      if (errors.length) throw new ValidationProblem(errors);
      const current = new Map(
        (await this.conduct.ofClass(em, schoolId, classId, semester, true)).map((r) => [r.studentId, r]),
      );
      const stale = body.rows
        .filter((r) => (current.get(r.studentId)?.version ?? 0) !== r.version)
        .map((r) => r.studentId);
      if (stale.length) throw conflict(roster, current, stale);
      const writes = body.rows
        .map((r) => merged(r, current.get(r.studentId)))
        .filter((w): w is ConductWrite => w !== null);
      const written = await this.conduct.upsert(em, schoolId, classId, semester, writes, actor.userId, new Date());
      const lost = writes.filter((w) => !written.has(w.studentId)).map((w) => w.studentId);
      if (lost.length) {
        const now = new Map((await this.conduct.ofClass(em, schoolId, classId, semester)).map((r) => [r.studentId, r]));
        throw conflict(roster, now, lost);
      }
      if (writes.length) {
        await this.events.resultsChanged(em, schoolId, classId);
        await this.audit.record(
          em,
          {
            schoolId,
            entity: 'conduct_rating',
            entityId: `${classId}:${semester}`,
            action: 'UPDATE',
            before: Object.fromEntries(writes.map((w) => [w.studentId, snapshot(current.get(w.studentId))])),
            after: Object.fromEntries(writes.map((w) => [w.studentId, snapshot(w)])),
          },
          actor,
        );
      }
      return this.sheetOf(em, schoolId, cls, semester, access);
    });
  }

  /**
   * The class and the caller's access for a sheet; the year sheet (semester 0) follows semester II's lock and exists
   * for Circular 58 classes only (400 otherwise).
   */
  private async openSheet(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: ConductPeriod,
  ): Promise<{ cls: GradingClass; access: GradingAccess }> {
    const opened = await this.gradebook.openClass(
      em,
      actor,
      schoolId,
      classId,
      semester === YEAR_CONDUCT ? 2 : semester,
    );
    const scheme = schemeFor(opened.cls.schoolYearCode, opened.cls.grade);
    if (semester === YEAR_CONDUCT && scheme !== 'C58')
      throw new ValidationProblem([{ field: 'semester', rule: 'notForScheme', args: [scheme ?? ''] }]);
    return opened;
  }

  private async sheetOf(
    em: EntityManager,
    schoolId: string,
    cls: GradingClass,
    semester: ConductPeriod,
    access: GradingAccess,
  ): Promise<ConductSheet> {
    const roster = await this.repo.roster(em, schoolId, cls.id);
    const all = await this.conduct.ofClass(em, schoolId, cls.id);
    const ratings = new Map(all.filter((r) => r.semester === semester).map((r) => [r.studentId, r]));
    const level = (studentId: string, s: 1 | 2) =>
      all.find((r) => r.studentId === studentId && r.semester === s)?.training ?? null;
    return {
      classId: cls.id,
      semester,
      scheme: schemeFor(cls.schoolYearCode, cls.grade)!,
      editable: access.homeroom && access.yearWritable && !access.locked,
      rows: roster.map((s, i) => {
        const row = rowOf(s, i + 1, ratings.get(s.studentId));
        if (semester !== YEAR_CONDUCT) return row;
        return { ...row, semesters: { hk1: level(s.studentId, 1), hk2: level(s.studentId, 2) } };
      }),
    };
  }
}

function rowOf(s: RosterStudent, ordinal: number, r: Omit<ConductRecord, 'semester'> | undefined): ConductRow {
  return {
    studentId: s.studentId,
    ordinal,
    fullName: s.fullName,
    training: r?.training ?? null,
    qualities: r?.qualities ?? {},
    comment: r?.comment ?? null,
    version: r?.version ?? 0,
  };
}

function conflict(
  roster: RosterStudent[],
  current: Map<string, ConductRecord>,
  studentIds: string[],
): ProblemException {
  const ids = new Set(studentIds);
  const rows = roster
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => ids.has(s.studentId))
    .map(({ s, i }) => rowOf(s, i + 1, current.get(s.studentId)));
  return new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, { current: rows });
}

/** The row after the change, or null when it changes nothing (an unchanged row keeps its version). */
function merged(input: RowInput, old: ConductRecord | undefined): ConductWrite | null {
  const training = input.training === undefined ? (old?.training ?? null) : input.training;
  const qualities: Record<string, QualityRating> = { ...(old?.qualities ?? {}) };
  for (const [code, rating] of Object.entries(input.qualities ?? {})) {
    if (rating === null) delete qualities[code];
    else qualities[code] = rating;
  }
  const comment = input.comment === undefined ? (old?.comment ?? null) : input.comment || null;
  const next = { studentId: input.studentId, training, qualities, comment, version: (old?.version ?? 0) + 1 };
  return JSON.stringify(snapshot(next)) === JSON.stringify(snapshot(old)) ? null : next;
}

function snapshot(r: Omit<ConductRecord, 'semester' | 'studentId'> | undefined) {
  if (!r) return null;
  const qualities = Object.fromEntries(Object.entries(r.qualities).sort(([a], [b]) => a.localeCompare(b)));
  return { training: r.training, qualities, comment: r.comment };
}

/**
 * Rows must name pupils of the class once each; Circular 27 classes rate qualities and no training level, the
 * secondary schemes the reverse; quality codes and ratings come from Circular 27 Art. 6–7.
 */
function rowErrors(scheme: Scheme, rows: readonly RowInput[], roster: RosterStudent[]): RawFieldError[] {
  const enrolled = new Set(roster.map((s) => s.studentId));
  const seen = new Set<string>();
  const errors: RawFieldError[] = [];
  rows.forEach((row, i) => {
    if (!enrolled.has(row.studentId)) errors.push({ field: `rows.${i}.studentId`, rule: 'notInClass', args: [] });
    else if (seen.has(row.studentId)) errors.push({ field: `rows.${i}.studentId`, rule: 'duplicate', args: [] });
    seen.add(row.studentId);
    if (scheme === 'C27' && row.training != null)
      errors.push({ field: `rows.${i}.training`, rule: 'notForScheme', args: [scheme] });
    const qualities = Object.entries(row.qualities ?? {});
    if (scheme !== 'C27' && qualities.length)
      errors.push({ field: `rows.${i}.qualities`, rule: 'notForScheme', args: [scheme] });
    for (const [code, rating] of scheme === 'C27' ? qualities : []) {
      const field = `rows.${i}.qualities.${code}`;
      if (!QUALITY_CODES.has(code)) errors.push({ field, rule: 'unknownQuality', args: [] });
      else if (rating !== null && !QUALITY_RATINGS.includes(rating))
        errors.push({ field, rule: 'isIn', args: [QUALITY_RATINGS] });
    }
  });
  return errors;
}
