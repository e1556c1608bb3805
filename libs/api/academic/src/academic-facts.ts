import { Injectable } from '@nestjs/common';
import { AttendanceFact, CLASS_SIZE_CEILING, ClassSizeFact } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { AcademicFactsRepository, SemesterSpan } from './academic-facts.repository';
import { SchoolYearsService } from './school-years.service';

/**
 * The academic port of the reporting read model: every class of the school with its size against the charter's
 * ceiling, and its attendance per semester of the school's own calendar. Runs in the caller's transaction under the
 * school's scope.
 */
@Injectable()
export class AcademicFacts {
  constructor(
    private readonly repo: AcademicFactsRepository,
    private readonly years: SchoolYearsService,
  ) {}

  /** Pupils enrolled on the year's census day (today, or the year's last day once it ended); ceiling per grade. */
  async classSizes(em: EntityManager, schoolId: string, today: string): Promise<ClassSizeFact[]> {
    return (await this.repo.classSizes(em, schoolId, today)).map((r) => ({
      schoolYearId: r.school_year_id,
      classId: r.class_id,
      grade: r.grade,
      name: r.name,
      pupils: r.pupils,
      // The year's ceiling as the department set it (rule settings), else the charter's default.
      ceiling: r.ceiling ?? CLASS_SIZE_CEILING[r.grade] ?? null,
    }));
  }

  /** Marks recorded per class and semester (HK1, HK2), the semesters dated by the school's calendar of the year. */
  async attendance(em: EntityManager, schoolId: string): Promise<AttendanceFact[]> {
    const semesters: SemesterSpan[] = [];
    for (const schoolYearId of await this.repo.schoolYearIds(em, schoolId)) {
      const c = await this.years.calendarIn(em, schoolId, schoolYearId);
      semesters.push(
        { schoolYearId, period: 'HK1', from: c.semester1Start, to: c.semester1End },
        { schoolYearId, period: 'HK2', from: c.semester2Start, to: c.semester2End },
      );
    }
    if (!semesters.length) return [];
    return (await this.repo.attendance(em, schoolId, semesters)).map((r) => ({
      schoolYearId: r.school_year_id,
      period: r.period,
      classId: r.class_id,
      grade: r.grade,
      recorded: r.recorded,
      present: r.present,
      excused: r.excused,
      unexcused: r.unexcused,
      late: r.late,
    }));
  }
}
