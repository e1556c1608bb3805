import { Injectable } from '@nestjs/common';
import type { AssetLoan } from '@emis/contracts';
import { AssetCondition, AssetStatus, DisposalMethod } from '@emis/domain';
import { sqlExec, sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

interface LoanRow {
  id: string;
  borrower: string;
  lent_on: string;
  due_on: string | null;
  returned_on: string | null;
  note: string | null;
}

export interface DisposalRecord {
  method: DisposalMethod;
  decisionNumber: string;
  decisionDate: string;
  disposedOn: string;
  quantity: number;
  proceeds: number;
  costs: number;
  /** The book values as the asset leaves: its cost and accumulated wear. */
  cost: number;
  accumulatedWear: number;
  note: string | null;
}

const LOAN_COLUMNS = `id, borrower, lent_on::text as lent_on, due_on::text as due_on, returned_on::text as returned_on, note`;

/**
 * What moves an asset within its school: rooms, loans, status, leaving the books. Every statement names the school,
 * and row-level security holds it to the caller's scope.
 */
@Injectable()
export class MovementsRepository {
  async moveTo(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    locationId: string,
    responsible: string | null,
  ): Promise<void> {
    await this.touch(em, schoolId, assetId, `location_id = $3, responsible = $4`, [locationId, responsible]);
  }

  async setStatus(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    status: AssetStatus,
    condition: AssetCondition,
  ): Promise<void> {
    await this.touch(em, schoolId, assetId, `status = $3, condition = $4`, [status, condition]);
  }

  /** The asset leaves the books on `disposedOn`; the row stays, read-only, with its history. */
  async markDisposed(em: EntityManager, schoolId: string, assetId: string, disposedOn: string): Promise<void> {
    await this.touch(em, schoolId, assetId, `status = 'DISPOSED', disposed_on = $3`, [disposedOn]);
  }

  async insertLoan(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    loan: Omit<AssetLoan, 'id' | 'returnedOn'>,
  ): Promise<AssetLoan> {
    const row = await sqlRow<LoanRow>(
      em,
      `insert into asset_loan (school_id, asset_id, borrower, lent_on, due_on, note) values ($1, $2, $3, $4, $5, $6)
       returning ${LOAN_COLUMNS}`,
      [schoolId, assetId, loan.borrower, loan.lentOn, loan.dueOn, loan.note],
    );
    return toLoan(row!);
  }

  async lockLoan(em: EntityManager, schoolId: string, assetId: string, loanId: string): Promise<AssetLoan | undefined> {
    const row = await sqlRow<LoanRow>(
      em,
      `select ${LOAN_COLUMNS} from asset_loan where school_id = $1 and asset_id = $2 and id = $3 for update`,
      [schoolId, assetId, loanId],
    );
    return row && toLoan(row);
  }

  async closeLoan(em: EntityManager, schoolId: string, loanId: string, returnedOn: string): Promise<AssetLoan> {
    const row = await sqlRow<LoanRow>(
      em,
      `update asset_loan set returned_on = $3 where school_id = $1 and id = $2 returning ${LOAN_COLUMNS}`,
      [schoolId, loanId, returnedOn],
    );
    return toLoan(row!);
  }

  async insertDisposal(em: EntityManager, schoolId: string, assetId: string, d: DisposalRecord): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into asset_disposal (school_id, asset_id, method, decision_number, decision_date, disposed_on, quantity,
                                   proceeds, costs, cost, accumulated_wear, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        schoolId,
        assetId,
        d.method,
        d.decisionNumber,
        d.decisionDate,
        d.disposedOn,
        d.quantity,
        d.proceeds,
        d.costs,
        d.cost,
        d.accumulatedWear,
        d.note,
      ],
    );
    return row!.id;
  }

  /** Changes the row and its version together: a client holding the old version meets a conflict next time. */
  private async touch(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    set: string,
    params: unknown[],
  ): Promise<void> {
    await sqlExec(
      em,
      `update asset set ${set}, version = version + 1, updated_at = now() where school_id = $1 and id = $2`,
      [schoolId, assetId, ...params],
    );
  }
}

function toLoan(r: LoanRow): AssetLoan {
  return {
    id: r.id,
    borrower: r.borrower,
    lentOn: r.lent_on,
    dueOn: r.due_on,
    returnedOn: r.returned_on,
    note: r.note,
  };
}
