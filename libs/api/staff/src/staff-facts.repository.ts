import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import type { ContractType, QualificationLevel, StaffPosition } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** A staff member in post, as the facts need them; qualifications is the jsonb list of { level, … }. */
export interface InPostRow {
  position: StaffPosition;
  contract_type: ContractType;
  gender: string;
  dob: string;
  qualifications: { level?: QualificationLevel }[];
}

/** The query behind StaffFacts. */
@Injectable()
export class StaffFactsRepository {
  /** Staff in post: working (ACTIVE) or on leave (LEAVE), not retired or transferred away. */
  async inPost(em: EntityManager, schoolId: string): Promise<InPostRow[]> {
    return sqlRows<InPostRow>(
      em,
      `select position, contract_type, gender, date_of_birth::text as dob, qualifications
         from staff where school_id = $1 and status in ('ACTIVE', 'LEAVE')`,
      [schoolId],
    );
  }
}

