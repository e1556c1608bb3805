import { Injectable } from '@nestjs/common';
import type { ResultPeriod, ResultSummary, StudentResult } from '@emis/contracts';
import { RuleSettingsService, SchoolYearsService } from '@emis/api/academic';
import { Scheme, schemeFor } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { ConductRepository } from './conduct.repository';
import { GradebookRepository, GradingClass } from './gradebook.repository';
import { ClassData, studentResult, summaryOf } from './results.calculation';
import { ResultsRepository } from './results.repository';

/** A class's results for one period: what they were computed from, each pupil's row and the summary. */
export interface ComputedResults {
  data: ClassData;
  rows: StudentResult[];
  summary: ResultSummary;
}

/**
 * Reads what a class's results are computed from and computes them: the one loader of the class results page, the
 * report cards and the reporting facts (GradingFacts), so a department's figure equals the page to the last digit.
 * It checks no access: callers do (the page through GradebookService.openClass; the facts run under the school's scope).
 */
@Injectable()
export class ClassResultsLoader {
  constructor(
    private readonly repo: GradebookRepository,
    private readonly conduct: ConductRepository,
    private readonly results: ResultsRepository,
    private readonly years: SchoolYearsService,
    private readonly rules: RuleSettingsService,
  ) {}

  /**
   * The results of `periods` for the class, reading the roster, gradebooks and conduct once; only the absences
   * differ by period (the semester's dates in the school's calendar). Null when the grade has no assessment scheme.
   */
  async compute(
    em: EntityManager,
    schoolId: string,
    cls: GradingClass,
    periods: readonly ResultPeriod[],
  ): Promise<Map<ResultPeriod, ComputedResults> | null> {
    const scheme: Scheme | null = schemeFor(cls.schoolYearCode, cls.grade);
    if (!scheme) return null;
    const roster = await this.repo.roster(em, schoolId, cls.id);
    const calendar = await this.years.calendarIn(em, schoolId, cls.schoolYearId);
    const base = {
      cls,
      roster,
      scheme,
      subjects: await this.repo.curriculum(em, cls.grade),
      books: await this.repo.gradebooksOfClass(em, schoolId, cls.id),
      entries: await this.repo.entriesOfClass(em, schoolId, cls.id),
      conduct: await this.conduct.ofClass(em, schoolId, cls.id),
      settings: await this.rules.forYear(em, cls.schoolYearId),
      programme: await this.results.completionProgramme(em, schoolId),
    };
    const computed = new Map<ResultPeriod, ComputedResults>();
    for (const period of periods) {
      const from = period === 'HK2' ? calendar.semester2Start : calendar.semester1Start;
      const to = period === 'HK1' ? calendar.semester1End : calendar.semester2End;
      const absences = await this.results.absences(
        em,
        schoolId,
        roster.map((s) => s.studentId),
        from,
        to,
      );
      const data: ClassData = { ...base, absences };
      const rows = data.roster.map((s, i) => studentResult(data, period, s, i + 1));
      computed.set(period, { data, rows, summary: summaryOf(scheme, period, rows) });
    }
    return computed;
  }
}
