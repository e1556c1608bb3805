import { STUDENT_IMPORT_MAX_ROWS } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Guardian } from '@emis/contracts';
import { assertInScope, Scope, TenantDb } from '@emis/api/platform';
import {
  buildTemplate,
  CellErrors,
  Download,
  FieldReader,
  ImportCounts,
  Importer,
  ImportJobContext,
  ImportRegistry,
  labelKey,
  RowDraft,
  SheetRow,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import {
  EnrolmentClose,
  EnrolmentWrite,
  ExistingStudent,
  OpenYearClass,
  StudentImportRepository,
} from './student-import.repository';
import { STUDENT_LAYOUT } from './student-layout';
import { readStudentRow, StudentRow } from './student-rows';
import { PeopleEvents } from '../people-events';

export interface StudentContext {
  /** Classes of the open year by normalised name. */
  classes: Map<string, OpenYearClass>;
  openYearId: string | null;
}

const LEFT_STATUS: Record<string, string> = {
  TRANSFERRED_OUT: 'đã chuyển trường',
  DROPPED_OUT: 'đã thôi học',
  GRADUATED: 'đã tốt nghiệp',
};

const classOrder = new Intl.Collator('vi', { numeric: true });

/** Rows written per round of statements in the one transaction of a commit. */
const COMMIT_CHUNK_ROWS = 10_000;

const RECORD_FIELDS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'ethnicity',
  'religion',
  'nationality',
  'placeOfBirth',
  'permanentAddress',
  'currentAddress',
  'disability',
] as const;

/**
 * The student list import (kind STUDENTS), run by the one import runner: creates or updates students by personal id,
 * their father and mother, and their enrolment in the named class of the open year.
 */
@Injectable()
export class StudentImporter implements Importer<StudentContext, StudentRow>, OnModuleInit {
  readonly kind = 'STUDENTS';
  readonly permission = 'people.import';
  /** A whole list, streamed (docs/adr/province-scale-imports.md). */
  readonly maxRows = STUDENT_IMPORT_MAX_ROWS;
  /**
   * Clerks' lists often carry a title block (the school's name, "DANH SÁCH …", merged across the columns) above the
   * column headers: the header row is the first of the top rows with the "Mã định danh" header.
   */
  readonly headerRow = {
    anchor: 'Mã định danh',
    notFound:
      'Tệp không đúng mẫu: không thấy dòng tiêu đề có cột "Mã định danh" trong 30 dòng đầu. Hãy tải mẫu của hệ thống và giữ nguyên dòng tiêu đề.',
  };
  readonly uniqueColumn = { key: 'personalId', label: 'mã định danh' } as const;
  readonly checkEveryRow = true;
  private readonly entity = 'student';

  constructor(
    private readonly db: TenantDb,
    private readonly registry: ImportRegistry,
    private readonly repo: StudentImportRepository,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  layout(): typeof STUDENT_LAYOUT {
    return STUDENT_LAYOUT;
  }

  /** The template, with the class names of the school's open year in the class column's dropdown. */
  async template(scope: Scope, schoolId: string): Promise<Download> {
    assertInScope(scope, schoolId);
    const classes = await this.db.run((em) => this.repo.openYearClasses(em, schoolId));
    const names = classes.map((c) => c.name).sort(classOrder.compare);
    return { fileName: STUDENT_LAYOUT.templateFileName, file: await buildTemplate(STUDENT_LAYOUT, names) };
  }

  /** The classes of the open year the rows name; people.import, re-checked by the runner, is the only access rule. */
  async open(em: EntityManager, job: ImportJobContext): Promise<StudentContext> {
    const classes = await this.repo.openYearClasses(em, job.schoolId);
    return {
      classes: new Map(classes.map((c) => [labelKey(c.name), c])),
      openYearId: classes[0]?.schoolYearId ?? null,
    };
  }

  readRow(source: SheetRow, errors: CellErrors): RowDraft<StudentRow> {
    return readStudentRow(new FieldReader(source, errors));
  }

  async checkRows(
    em: EntityManager,
    { schoolId }: ImportJobContext,
    rows: RowDraft<StudentRow>[],
    context: StudentContext,
    errors: CellErrors,
  ): Promise<void> {
    for (const row of rows) {
      if (row.className && !context.classes.has(labelKey(row.className))) {
        errors.at(
          row.row,
          'className',
          context.openYearId
            ? 'Không có lớp này trong năm học đang mở của trường'
            : 'Trường chưa có lớp nào trong năm học đang mở',
        );
      }
    }
    const ids = rows.flatMap((r) => (r.personalId ? [r.personalId] : []));
    const existing = await this.repo.existing(em, schoolId, ids, context.openYearId);
    const left = new Map(existing.filter((s) => s.status in LEFT_STATUS).map((s) => [s.personalId, s.status]));
    for (const row of rows) {
      const status = row.personalId ? left.get(row.personalId) : undefined;
      if (status)
        errors.at(
          row.row,
          'personalId',
          `Học sinh có mã định danh này ${LEFT_STATUS[status]}; hồ sơ chỉ còn để tra cứu, không nhập lại được`,
        );
    }
  }

  /**
   * Writes the rows in chunks of COMMIT_CHUNK_ROWS, all in the runner's one transaction (docs/adr/province-scale-
   * imports.md): each chunk's statements and audit entries are bounded, whatever the file's length. A personal id is
   * once in a file (the runner's duplicate check), so no chunk sees another's rows.
   */
  async commit(
    em: EntityManager,
    job: ImportJobContext,
    rows: StudentRow[],
    context: StudentContext,
  ): Promise<ImportCounts> {
    const at = new Date();
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    for (let from = 0; from < rows.length; from += COMMIT_CHUNK_ROWS) {
      const chunk = await this.commitChunk(em, job, rows.slice(from, from + COMMIT_CHUNK_ROWS), context, at);
      counts.created += chunk.created;
      counts.updated += chunk.updated;
      counts.unchanged += chunk.unchanged;
    }
    if (counts.created + counts.updated > 0)
      await this.events.enrolmentChanged(em, job.schoolId, context.openYearId ?? job.schoolId);
    return counts;
  }

  private async commitChunk(
    em: EntityManager,
    { schoolId, actor }: ImportJobContext,
    rows: StudentRow[],
    context: StudentContext,
    at: Date,
  ): Promise<ImportCounts> {
    const existing = new Map(
      (
        await this.repo.existing(
          em,
          schoolId,
          rows.map((r) => r.personalId),
          context.openYearId,
        )
      ).map((s) => [s.personalId, s]),
    );
    const created = rows.filter((r) => !existing.has(r.personalId));
    const changedRecords: { id: string; row: StudentRow }[] = [];
    const changedParents: { id: string; row: StudentRow }[] = [];
    for (const row of rows) {
      const before = existing.get(row.personalId);
      if (!before) continue;
      if (recordDiffers(before, row)) changedRecords.push({ id: before.id, row });
      if (parentsDiffer(before.guardians, row.guardians)) changedParents.push({ id: before.id, row });
    }
    const ids = await this.repo.insert(em, schoolId, created, at);
    await this.repo.update(em, schoolId, changedRecords, at);
    const parentsOf = [...created.map((row) => ({ id: ids.get(row.personalId)!, row })), ...changedParents];
    await this.repo.replaceParents(
      em,
      schoolId,
      changedParents.map((c) => c.id),
      parentsOf.flatMap(({ id, row }) =>
        row.guardians.map((guardian) => ({
          studentId: id,
          guardian: keepDetails(guardian, existing.get(row.personalId)?.guardians ?? []),
        })),
      ),
    );
    const moves = this.enrolments(rows, existing, ids, context);
    await this.repo.enrol(em, schoolId, moves.closing, moves.opening);
    const touched = new Set([
      ...created,
      ...changedRecords.map((c) => c.row),
      ...changedParents.map((c) => c.row),
      ...moves.rows,
    ]);
    await this.audit.recordMany(
      em,
      schoolId,
      [...touched].map((row) => {
        const before = existing.get(row.personalId);
        return {
          entity: this.entity,
          entityId: before?.id ?? ids.get(row.personalId)!,
          action: before ? 'UPDATE' : 'CREATE',
          before: before ? snapshot(before, context) : null,
          after: { ...fieldsOf(row), className: row.className },
        };
      }),
      actor,
      at,
    );
    return { created: created.length, updated: touched.size - created.length, unchanged: rows.length - touched.size };
  }

  /** Enrolments into the named class of the open year, for students not already sitting in it. */
  private enrolments(
    rows: StudentRow[],
    existing: Map<string, ExistingStudent>,
    ids: Map<string, string>,
    context: StudentContext,
  ) {
    const closing: EnrolmentClose[] = [];
    const opening: EnrolmentWrite[] = [];
    const moved: StudentRow[] = [];
    const now = todayInVietnam();
    for (const row of rows) {
      const target = row.className ? context.classes.get(labelKey(row.className)) : undefined;
      const before = existing.get(row.personalId);
      if (!target || before?.classId === target.id) continue;
      const fromDate = now > target.yearStartsOn ? now : target.yearStartsOn;
      if (before?.enrolmentId) closing.push({ enrolmentId: before.enrolmentId, moveDate: fromDate });
      opening.push({
        studentId: before?.id ?? ids.get(row.personalId)!,
        classId: target.id,
        schoolYearId: target.schoolYearId,
        fromDate,
      });
      moved.push(row);
    }
    return { closing, opening, rows: moved };
  }
}

function fieldsOf(row: StudentRow) {
  const { row: _row, className: _className, ...fields } = row;
  return fields;
}

function recordDiffers(before: ExistingStudent, row: StudentRow): boolean {
  return (
    RECORD_FIELDS.some((key) => (before[key] ?? null) !== (row[key] ?? null)) ||
    [...before.policyGroups].sort().join(',') !== [...row.policyGroups].sort().join(',')
  );
}

function parentKey(guardians: Guardian[]): string {
  return guardians
    .filter((g) => g.relation !== 'GUARDIAN')
    .map((g) => `${g.relation}|${g.fullName ?? ''}|${g.phone ?? ''}`)
    .sort()
    .join('\n');
}

function parentsDiffer(before: Guardian[], after: Guardian[]): boolean {
  return parentKey(before) !== parentKey(after);
}

/** A parent re-imported under the same name keeps the occupation and birth year entered on screen. */
function keepDetails(guardian: Guardian, before: Guardian[]): Guardian {
  if (guardian.fullName === null) return guardian;
  const same = before.find((g) => g.relation === guardian.relation && g.fullName === guardian.fullName);
  return same ? { ...guardian, occupation: same.occupation, birthYear: same.birthYear } : guardian;
}

function snapshot(before: ExistingStudent, context: StudentContext) {
  const { id: _id, enrolmentId: _e, classId, status: _s, ...fields } = before;
  const className = [...context.classes.values()].find((c) => c.id === classId)?.name ?? null;
  return { ...fields, className };
}
