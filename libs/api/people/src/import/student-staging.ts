import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { ScopeResolver, TenantDb } from '@emis/api/platform';
import { todayInVietnam } from '@emis/domain';
import {
  CellErrors,
  ImportCounts,
  ImportJobContext,
  ImportStaging,
  JsonRowsEncoder,
  labelKey,
  StagedChunk,
  StagedChunkEncoder,
  StagedDraft,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { PeopleEvents } from '../people-events';
import { StudentImportRepository } from './student-import.repository';
import { StudentRow } from './student-rows';
import { StagedStudent, StudentStagingRepository } from './student-staging.repository';

/** A row of a list, with the school it goes under (null when its school code cell is bad). */
export type ListRow = StudentRow & { schoolId: string };

/** A school a unit's file may name, by code. */
export interface NamedSchool {
  id: string;
  /** In the scope of the job's unit (the runner checked the unit is in the uploader's). */
  inScope: boolean;
  closed: boolean;
}

/** The job's school or unit, and how rows find their school. */
export interface StudentContext {
  /** The job's org unit: the school of a school's list, the department or unit of a file spanning many schools. */
  schoolId: string;
  /** A school's list: its own code (a row's "Mã trường", if the file has the column, must be it). */
  ownCode: string | null;
  /** A file spanning many schools: every school by code (upper case); null for a school's own list. */
  schools: Map<string, NamedSchool> | null;
}

const LEFT_STATUS: Record<string, string> = {
  TRANSFERRED_OUT: 'đã chuyển trường',
  DROPPED_OUT: 'đã thôi học',
  GRADUATED: 'đã tốt nghiệp',
};

/** The message of a personal id a file repeats, naming the row that has it first. */
export function duplicateIdMessage(firstRow: number): string {
  return `Trùng mã định danh với dòng ${firstRow}`;
}

/**
 * The student list's staging (docs/adr/province-scale-imports.md, decision 4): the rows of each streamed chunk go to a
 * temporary table of the job's transaction, every check against the file and the school runs once in SQL over the
 * whole file, and the commit writes from it with a handful of set-based statements, whatever the file's length.
 */
@Injectable()
export class StudentStaging implements ImportStaging<StudentContext, ListRow> {
  private readonly logger = new Logger(StudentStaging.name);

  constructor(
    private readonly repo: StudentStagingRepository,
    private readonly classes: StudentImportRepository,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
    private readonly db: TenantDb,
    private readonly tree: ScopeResolver,
  ) {}

  async create(em: EntityManager): Promise<void> {
    await this.repo.create(em);
  }

  encoder(): StagedChunkEncoder<ListRow> {
    const rows = new JsonRowsEncoder<StagedStudent>();
    return { add: ({ draft, clean }) => rows.add(staged(draft, clean)), finish: () => rows.finish() };
  }

  async write(em: EntityManager, chunk: StagedChunk): Promise<void> {
    await this.repo.stage(em, chunk);
  }

  /**
   * The open year's classes of every school the file names, staged beside the rows (one read, whatever the number
   * of schools), folded as the class column is compared.
   */
  private async stageClasses(em: EntityManager, schoolIds: string[]): Promise<void> {
    const classes = await this.classes.openYearClassesOf(em, schoolIds);
    const byKey = new Map(classes.map((c) => [`${c.schoolId}|${labelKey(c.name)}`, c]));
    await this.repo.stageClasses(
      em,
      [...byKey].map(([key, c]) => ({
        schoolId: c.schoolId,
        classKey: key.slice(c.schoolId.length + 1),
        classId: c.id,
        name: c.name,
        schoolYearId: c.schoolYearId,
        startsOn: c.yearStartsOn,
      })),
    );
  }

  /**
   * Every check against the whole file and the school, each once over all the staged rows (rows with cell errors
   * too, skipping what could not be read): a personal id twice in the file, a class the school's open year does not
   * have, a pupil the school keeps only as history. In this order, as the clerk reads a cell's messages.
   */
  async check(em: EntityManager, _job: ImportJobContext, _context: StudentContext, errors: CellErrors): Promise<void> {
    await this.repo.analyse(em, 'student_import_stage');
    const schools = await this.repo.stagedSchools(em);
    await this.stageClasses(em, schools);
    for (const d of await this.repo.duplicates(em))
      errors.at(d.sheet_row, 'personalId', duplicateIdMessage(d.first_row));
    for (const c of await this.repo.unknownClasses(em)) {
      errors.at(
        c.sheet_row,
        'className',
        c.has_year
          ? 'Không có lớp này trong năm học đang mở của trường'
          : 'Trường chưa có lớp nào trong năm học đang mở',
      );
    }
    for (const schoolId of schools) {
      for (const k of await this.repo.keptRecords(em, schoolId)) {
        errors.at(
          k.sheet_row,
          'personalId',
          `Học sinh có mã định danh này ${LEFT_STATUS[k.status]}; hồ sơ chỉ còn để tra cứu, không nhập lại được`,
        );
      }
    }
  }

  /**
   * Writes each school's rows from its plan: the audit entries first (the records as found, and as the file has
   * them), then the new records, the changed ones, their parents and their classes. Each write's count is compared
   * with the plan, so a record another user wrote meanwhile fails the whole file instead of being skipped. A unit's
   * file writes each school's rows under the sealed scope of that school alone (row-level security checks every row
   * against its own school), in the one transaction, then seals the unit's scope again for the job's own audit row.
   */
  async commit(em: EntityManager, job: ImportJobContext, context: StudentContext): Promise<ImportCounts> {
    const at = new Date();
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const schoolId of await this.repo.stagedSchools(em)) {
      const began = Date.now();
      if (context.schools) await this.db.renewScope(em, await this.tree.scopeFor(schoolId));
      const openYearId = await this.repo.openYearOf(em, schoolId);
      await this.repo.plan(em, schoolId, openYearId, todayInVietnam());
      await this.repo.analyse(em, 'student_import_plan');
      const plan = await this.repo.planCounts(em);
      const planned = Date.now();
      for (const round of this.repo.auditRounds(plan.touched))
        await this.audit.recordSelected(em, schoolId, round, job.actor, at);
      const audited = Date.now();
      expectWritten('student', plan.created, await this.repo.insertStudents(em, schoolId, at));
      expectWritten('student', plan.changedRecords, await this.repo.updateStudents(em, schoolId, at));
      const students = Date.now();
      expectWritten('guardian', plan.guardians, await this.repo.replaceGuardians(em, schoolId));
      expectWritten('enrolment', plan.enrolments, await this.repo.enrol(em, schoolId));
      // The commit's parts, for the benchmark's breakdown (the per-record audit is a hash chain: one hash per entry).
      this.logger.log(
        {
          jobId: job.jobId,
          schoolId,
          rows: plan.rows,
          planMs: planned - began,
          auditMs: audited - planned,
          studentsMs: students - audited,
          parentsAndClassesMs: Date.now() - students,
        },
        'student import written',
      );
      if (plan.touched > 0) await this.events.enrolmentChanged(em, schoolId, openYearId ?? schoolId);
      await this.repo.dropPlan(em);
      counts.created += plan.created;
      counts.updated += plan.touched - plan.created;
      counts.unchanged += plan.rows - plan.touched;
    }
    if (context.schools) await this.db.renewScope(em, await this.tree.scopeFor(job.schoolId));
    return counts;
  }
}

function expectWritten(table: string, planned: number, written: number): void {
  if (planned !== written)
    throw new Error(`student import: ${written} ${table} rows written where the plan had ${planned}`);
}

function staged(draft: StagedDraft<ListRow>['draft'], clean: boolean): StagedStudent {
  return {
    row: draft.row,
    schoolId: draft.schoolId,
    clean,
    personalId: draft.personalId,
    fullName: draft.fullName,
    dateOfBirth: draft.dateOfBirth,
    gender: draft.gender,
    ethnicity: draft.ethnicity,
    religion: draft.religion,
    nationality: draft.nationality,
    placeOfBirth: draft.placeOfBirth,
    permanentAddress: draft.permanentAddress,
    currentAddress: draft.currentAddress,
    className: draft.className,
    classKey: draft.className ? labelKey(draft.className) : null,
    policyGroups: draft.policyGroups,
    disability: draft.disability,
    guardians: draft.guardians,
  };
}
