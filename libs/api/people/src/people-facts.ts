import { Injectable } from '@nestjs/common';
import type { HeadcountFact, MovementFact, PolicyCountFact } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { PeopleFactsRepository } from './people-facts.repository';

/**
 * The people port of the reporting read model: a school's pupils per class of each of its years — enrolled on the
 * year's census day (censusDaySql: today, or the year's last day once it ended) by gender, ethnicity, disability and
 * policy group — and the year's movements. Runs in the caller's transaction under the school's scope.
 */
@Injectable()
export class PeopleFacts {
  constructor(private readonly repo: PeopleFactsRepository) {}

  headcounts(em: EntityManager, schoolId: string, today: string): Promise<HeadcountFact[]> {
    return this.repo.headcounts(em, schoolId, today);
  }

  /** A pupil counts once in each of their policy groups. */
  policyCounts(em: EntityManager, schoolId: string, today: string): Promise<PolicyCountFact[]> {
    return this.repo.policyCounts(em, schoolId, today);
  }

  async movements(em: EntityManager, schoolId: string): Promise<MovementFact[]> {
    return (await this.repo.movements(em, schoolId)).map((r) => ({
      schoolYearId: r.school_year_id,
      grade: r.grade,
      kind: r.kind,
      gender: r.gender,
      pupils: r.pupils,
    }));
  }
}
