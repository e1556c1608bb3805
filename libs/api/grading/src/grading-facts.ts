import { Injectable } from '@nestjs/common';
import type { ResultPeriod, ResultSummary } from '@emis/contracts';
import { ClassOutcomeFact, FactPeriod, OutcomeMeasure, schemeFor, SubjectResultFact, tallySubject } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { GradebookRepository, GradingClass } from './gradebook.repository';
import { ClassResultsLoader } from './results.loader';

const PERIODS: readonly ResultPeriod[] = ['HK1', 'HK2', 'CN'];

/** A class's facts for the reporting read model: one row per subject and one per summary count, for each period. */
export interface ClassFacts {
  subjects: SubjectResultFact[];
  outcomes: ClassOutcomeFact[];
}

/**
 * The grading port of the reporting read model: a class's results per period as the class results page computes them
 * (the same loader and libs/domain calculation), tallied into fact rows. It checks no caller access: the reporting
 * refresher calls it in a job under the school's scope, inside its own transaction.
 */
@Injectable()
export class GradingFacts {
  constructor(
    private readonly repo: GradebookRepository,
    private readonly loader: ClassResultsLoader,
  ) {}

  /** The classes of the school that have results: every class whose grade is assessed (preschool groups are not). */
  async gradedClassIds(em: EntityManager, schoolId: string): Promise<string[]> {
    return (await this.repo.classesOfSchool(em, schoolId)).filter(graded).map((c) => c.id);
  }

  /** HK1, HK2 and CN of the class; no rows for a class that is gone or has no assessment scheme. */
  async classFacts(em: EntityManager, schoolId: string, classId: string): Promise<ClassFacts> {
    const cls = await this.repo.classOf(em, schoolId, classId);
    const computed = cls && graded(cls) ? await this.loader.compute(em, schoolId, cls, PERIODS) : null;
    const facts: ClassFacts = { subjects: [], outcomes: [] };
    if (!cls || !computed) return facts;
    for (const [period, { data, rows, summary }] of computed) {
      const key = { schoolYearId: cls.schoolYearId, period: period as FactPeriod, classId, grade: cls.grade };
      for (const subject of data.subjects) {
        const tally = tallySubject(rows.map((r) => r.subjects[subject.code] ?? { average: null, rating: null }));
        facts.subjects.push({ ...key, subjectCode: subject.code, ...tally });
      }
      facts.outcomes.push(...outcomeFacts(key, summary));
    }
    return facts;
  }
}

function graded(cls: GradingClass): boolean {
  return schemeFor(cls.schoolYearCode, cls.grade) !== null;
}

/** The summary's counts as rows, zero counts included, so the summary can be read back exactly. */
function outcomeFacts(key: Omit<ClassOutcomeFact, 'measure' | 'code' | 'pupils'>, s: ResultSummary): ClassOutcomeFact[] {
  const counts = (measure: OutcomeMeasure, byCode: Record<string, number>) =>
    Object.entries(byCode).map(([code, pupils]) => ({ ...key, measure, code, pupils }));
  return [
    { ...key, measure: 'pupils', code: '', pupils: s.students },
    { ...key, measure: 'missing', code: '', pupils: s.incomplete },
    ...counts('learning', s.learning),
    ...counts('training', s.training),
    ...counts('award', s.awards),
    ...counts('promotion', s.promotion),
  ];
}
