import { Injectable, NotFoundException } from '@nestjs/common';
import type { ClassSizeBreach, GradeEntryProgress, SchoolHome } from '@emis/contracts';
import { AcademicFacts, SchoolYearsService } from '@emis/api/academic';
import { assertInScope, Principal, Scope, TenantDb } from '@emis/api/platform';
import { entryProgress, gradebookColumns, schemeFor, todayInVietnam } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { AssignmentProgressRow, HomeRepository } from './home.repository';

/**
 * The school's home (docs/domain/gradebook.md, "Homes"): today's work. A teacher sees their assignments of the
 * semester with what is left to enter; whoever reads the whole school's gradebooks (the principal, the department)
 * sees the school's progress by class × subject × teacher, the correction requests waiting and the classes above
 * the year's ceiling. Every figure is one set-wise statement, whatever the number of classes.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly repo: HomeRepository,
    private readonly years: SchoolYearsService,
    private readonly academic: AcademicFacts,
    private readonly db: TenantDb,
  ) {}

  async home(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    query: { yearId?: string; semester?: 1 | 2 },
  ): Promise<SchoolHome> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.year(em, schoolId, query.yearId);
      const teacher = actor.role === 'TEACHER';
      const staffId = await this.repo.staffOf(em, actor.userId);
      const pendingCorrections = await this.repo.pendingCorrections(em, schoolId, teacher ? actor.userId : null);
      if (!year) {
        return {
          schoolYearId: null,
          schoolYearCode: null,
          semester: query.semester ?? 1,
          mine: [],
          pendingCorrections,
          progress: teacher ? null : [],
          classSizeBreaches: teacher ? null : [],
        };
      }
      const today = todayInVietnam();
      const semester = query.semester ?? (await this.semesterOn(em, schoolId, year.id, today));
      // The whole school's rows hold the caller's own; a teacher's query reads only theirs.
      const rows = teacher
        ? staffId
          ? await this.repo.progress(em, schoolId, year.id, semester, staffId)
          : []
        : await this.repo.progress(em, schoolId, year.id, semester, null);
      const progress = rows.map((r) => toProgress(r, semester));
      return {
        schoolYearId: year.id,
        schoolYearCode: year.code,
        semester,
        mine: progress.filter((p) => staffId !== null && p.staffId === staffId),
        pendingCorrections,
        progress: teacher ? null : progress,
        classSizeBreaches: teacher ? null : await this.breaches(em, schoolId, year.id, today),
      };
    });
  }

  private async year(em: EntityManager, schoolId: string, yearId: string | undefined) {
    if (!yearId) return this.repo.openYear(em, schoolId);
    const code = await this.repo.yearCode(em, yearId);
    if (!code) throw new NotFoundException();
    return { id: yearId, code };
  }

  /** The semester today falls in by the school's calendar (semester I before semester II starts). */
  private async semesterOn(em: EntityManager, schoolId: string, yearId: string, today: string): Promise<1 | 2> {
    const calendar = await this.years.calendarIn(em, schoolId, yearId);
    return today >= calendar.semester2Start ? 2 : 1;
  }

  /** Classes of the year above their grade's ceiling in the year's rule settings (the charter's when unset). */
  private async breaches(em: EntityManager, schoolId: string, yearId: string, today: string) {
    const sizes = await this.academic.classSizes(em, schoolId, today);
    return sizes
      .filter((c) => c.schoolYearId === yearId && c.ceiling !== null && c.pupils > c.ceiling)
      .map((c): ClassSizeBreach => ({
        classId: c.classId,
        className: c.name,
        grade: c.grade,
        pupils: c.pupils,
        ceiling: c.ceiling as number,
      }))
      .sort((a, b) => b.pupils - b.ceiling - (a.pupils - a.ceiling) || a.className.localeCompare(b.className, 'vi'));
  }
}

/** The sheet's required columns by the book's stamped scheme, else the scheme its first write would stamp. */
function toProgress(r: AssignmentProgressRow, semester: 1 | 2): GradeEntryProgress {
  const scheme = r.scheme ?? schemeFor(r.year_code, r.grade);
  const columns = scheme
    ? gradebookColumns(
        scheme,
        { code: r.subject_code, assessment: r.assessment, periodsPerYear: r.periods_per_year },
        r.grade,
        semester,
        r.year_code,
      )
    : [];
  return {
    classId: r.class_id,
    className: r.class_name,
    grade: r.grade,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    subjectNameEn: r.subject_name_en,
    staffId: r.staff_id,
    teacherName: r.teacher_name,
    pupils: r.pupils,
    ...entryProgress(columns, r.pupils, r.filled),
  };
}
