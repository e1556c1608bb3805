import { HttpStatus, Injectable } from '@nestjs/common';
import type { GradeConflict } from '@emis/contracts';
import { RuleSettingsService } from '@emis/api/academic';
import { AuditService } from '@emis/api/audit';
import { Principal, ProblemException, RawFieldError, SqlPart } from '@emis/api/platform';
import {
  CellValue,
  GradeColumn,
  GradeLevel,
  gradebookColumns,
  GradingSubject,
  MissingAssessmentReading,
  parseCell,
  semesterSubjectResult,
} from '@emis/domain';
import { EntityManager } from 'typeorm';
import { CellChange, EntryRecord, EntryWrite, GradebookRecord, GradebookRepository } from './gradebook.repository';

/** A row's requested change, already checked to name a student of the class. */
export interface RowChange {
  studentId: string;
  cells?: Record<string, unknown>;
  comment?: string | null;
}

export interface WriteMeta {
  actor: Principal;
  at: Date;
  reason: string | null;
  correctionId: string | null;
  requestId: string | null;
}

export function subjectOf(g: GradebookRecord): GradingSubject {
  return { code: g.subjectCode, assessment: g.assessment, periodsPerYear: g.periodsPerYear };
}

export function columnsOf(g: GradebookRecord, grade: GradeLevel): GradeColumn[] {
  return gradebookColumns(g.scheme, subjectOf(g), grade, g.semester, g.yearCode);
}

/**
 * Parses every cell of a request with the domain's rules (the grid runs the same ones) and answers field errors by
 * path (`<prefix>.<i>.cells.<KEY>`) — nothing is written when one cell is wrong.
 */
export function parseRowCells(
  columns: GradeColumn[],
  rows: readonly RowChange[],
  prefix: string,
): { parsed: Map<string, Record<string, CellValue | null>>; errors: RawFieldError[] } {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const parsed = new Map<string, Record<string, CellValue | null>>();
  const errors: RawFieldError[] = [];
  rows.forEach((row, i) => {
    const out: Record<string, CellValue | null> = {};
    for (const [key, raw] of Object.entries(row.cells ?? {})) {
      const column = byKey.get(key);
      const field = `${prefix}.${i}.cells.${key}`;
      if (!column) {
        errors.push({ field, rule: 'unknownColumn', args: [] });
        continue;
      }
      const result = parseCell(column, raw);
      if ('error' in result) errors.push({ field, rule: result.error, args: errorArgs(column, result.error) });
      else out[key] = result.value;
    }
    parsed.set(row.studentId, out);
  });
  return { parsed, errors };
}

function errorArgs(column: GradeColumn, error: string): unknown[] {
  if (error === 'outOfRange') return [column.min ?? 0, column.max ?? 10];
  if (error === 'tooManyDecimals') return [column.decimals ?? 1];
  if (error === 'notWholeScore') return [column.min ?? 0, column.max ?? 10];
  if (error === 'notARating') return [(column.ratings ?? []).map((r) => (r === 'D' ? 'Đ' : r === 'CD' ? 'CĐ' : r))];
  return [];
}

/**
 * Applies cell changes to a gradebook in the caller's transaction: merges them into the current rows, recomputes the
 * averages with libs/domain, writes the rows in one statement, keeps every changed cell's history and audits the
 * whole change once. Shared by the teacher's save, the import and an approved correction.
 */
@Injectable()
export class GradeWriter {
  constructor(
    private readonly repo: GradebookRepository,
    private readonly audit: AuditService,
    private readonly rules: RuleSettingsService,
  ) {}

  async apply(
    em: EntityManager,
    schoolId: string,
    g: GradebookRecord,
    grade: GradeLevel,
    current: Map<string, EntryRecord>,
    changes: EntryChange[],
    meta: WriteMeta,
  ): Promise<EntryWrite[]> {
    // What a missed assessment counts as is the department's setting of the year (docs/domain/secondary-assessment-c22.md).
    const { missingAssessment } = await this.rules.forYearCode(em, g.yearCode);
    const prepared = prepareWrite(g, grade, current, changes, missingAssessment);
    const { writes, history } = prepared;
    if (!writes.length) return writes;
    const written = await this.repo.upsertEntries(
      em,
      schoolId,
      g.id,
      writes,
      { id: meta.actor.userId, name: meta.actor.fullName },
      meta.at,
    );
    await this.refuseLost(em, schoolId, g.id, writes, written);
    await this.repo.insertChanges(em, schoolId, g.id, history, {
      actorId: meta.actor.userId,
      actorName: meta.actor.fullName,
      at: meta.at,
      reason: meta.reason,
      correctionId: meta.correctionId,
      requestId: meta.requestId,
    });
    await this.audited(em, schoolId, g.id, prepared, meta);
    return writes;
  }

  /** 409 with the current values of the rows a concurrent save changed since the versions read (none written). */
  async refuseLost(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    writes: EntryWrite[],
    written: Set<string>,
  ): Promise<void> {
    const lost = writes.filter((w) => !written.has(w.studentId)).map((w) => w.studentId);
    if (!lost.length) return;
    const now = await this.repo.entries(em, schoolId, gradebookId, lost);
    throw new ProblemException(HttpStatus.CONFLICT, 'grade_conflict', undefined, {
      conflicts: lost.map((id) => conflictOf(id, now.get(id))),
    });
  }

  /** The one audit row of a write: every changed row before and after. */
  async audited(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    prepared: PreparedWrite,
    meta: WriteMeta,
  ): Promise<void> {
    await this.audit.record(em, auditChange(schoolId, gradebookId, prepared, meta), meta.actor);
  }

  /** The same audit row as a piece of the write's own statement (the teacher's save: GradebookRepository.writeSave). */
  auditPart(schoolId: string, gradebookId: string, prepared: PreparedWrite, meta: WriteMeta): SqlPart {
    return this.audit.appendPart(auditChange(schoolId, gradebookId, prepared, meta), meta.actor);
  }
}

function auditChange(schoolId: string, gradebookId: string, { before, after }: PreparedWrite, meta: WriteMeta) {
  return {
    schoolId,
    entity: 'gradebook',
    entityId: gradebookId,
    action: 'UPDATE' as const,
    before,
    after: meta.correctionId ? { ...after, correctionId: meta.correctionId, reason: meta.reason } : after,
  };
}

/** A row's parsed change. */
export interface EntryChange {
  studentId: string;
  cells: Record<string, CellValue | null>;
  comment?: string | null;
}

/** What a write will store: the changed rows with their recomputed results, each cell's history, the audit's sides. */
export interface PreparedWrite {
  writes: EntryWrite[];
  history: CellChange[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Merges cell changes into the current rows and recomputes the averages with libs/domain — no database: the save
 * builds its answer from it before its one write statement. Rows with no real change are left out.
 */
export function prepareWrite(
  g: GradebookRecord,
  grade: GradeLevel,
  current: Map<string, EntryRecord>,
  changes: EntryChange[],
  missingAssessment: MissingAssessmentReading,
): PreparedWrite {
  const writes: EntryWrite[] = [];
  const history: CellChange[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const change of changes) {
    const old = current.get(change.studentId);
    const cells: Record<string, CellValue> = { ...(old?.cells ?? {}) };
    const cellChanges: CellChange[] = [];
    for (const [key, value] of Object.entries(change.cells)) {
      const was = old?.cells[key] ?? null;
      if (was === value) continue;
      cellChanges.push({ studentId: change.studentId, column: key, oldValue: was, newValue: value });
      if (value === null) delete cells[key];
      else cells[key] = value;
    }
    const comment = change.comment === undefined ? (old?.comment ?? null) : change.comment || null;
    if (comment !== (old?.comment ?? null))
      cellChanges.push({
        studentId: change.studentId,
        column: 'comment',
        oldValue: old?.comment ?? null,
        newValue: comment,
      });
    if (!cellChanges.length) continue;
    const result = semesterSubjectResult(
      g.scheme,
      subjectOf(g),
      grade,
      g.semester,
      cells,
      g.yearCode,
      missingAssessment,
    );
    writes.push({
      studentId: change.studentId,
      cells,
      comment,
      average: result.average,
      rating: result.rating,
      version: (old?.version ?? 0) + 1,
    });
    history.push(...cellChanges);
    before[change.studentId] = old ? { cells: old.cells, comment: old.comment } : null;
    after[change.studentId] = { cells, comment };
  }
  return { writes, history, before, after };
}

export function conflictOf(studentId: string, e: EntryRecord | undefined): GradeConflict {
  return {
    studentId,
    version: e?.version ?? 0,
    cells: e?.cells ?? {},
    comment: e?.comment ?? null,
    updatedAt: e?.updatedAt ?? null,
    updatedByName: e?.updatedByName ?? null,
  };
}
