import { Injectable } from '@nestjs/common';
import { ageBand, QUALIFICATION_LEVELS, QualificationLevel, StaffCountFact } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { StaffFactsRepository } from './staff-facts.repository';

/**
 * The staff port of the reporting read model: the school's staff in post on `today` by position, highest
 * qualification, contract, gender and age band. Runs in the caller's transaction under the school's scope.
 */
@Injectable()
export class StaffFacts {
  constructor(private readonly repo: StaffFactsRepository) {}

  async staffCounts(em: EntityManager, schoolId: string, today: string): Promise<StaffCountFact[]> {
    const counts = new Map<string, StaffCountFact>();
    for (const r of await this.repo.inPost(em, schoolId)) {
      const row: StaffCountFact = {
        position: r.position,
        qualification: highestQualification(r.qualifications),
        contractType: r.contract_type,
        gender: r.gender,
        ageBand: ageBand(r.dob, today),
        staff: 0,
      };
      const key = [row.position, row.qualification, row.contractType, row.gender, row.ageBand].join('|');
      const found = counts.get(key) ?? row;
      found.staff += 1;
      counts.set(key, found);
    }
    return [...counts.values()];
  }
}

/** The highest level in the list (QUALIFICATION_LEVELS runs from lowest to highest), '' for none. */
function highestQualification(qualifications: { level?: QualificationLevel }[]): string {
  let best = -1;
  for (const q of qualifications ?? []) best = Math.max(best, QUALIFICATION_LEVELS.indexOf(q.level as QualificationLevel));
  return best >= 0 ? QUALIFICATION_LEVELS[best] : '';
}
