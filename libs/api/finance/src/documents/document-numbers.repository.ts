import { Injectable } from '@nestjs/common';
import { sqlRow } from '@emis/api/platform';
import type { DocumentSeries } from '@emis/domain';
import { EntityManager } from 'typeorm';

/**
 * The next number of a school's receipts (phiếu thu) or vouchers (phiếu chi) of a year: numbered without gaps and
 * never reused (docs/domain/finance.md). The counter row is incremented inside the caller's transaction, so a second
 * payment of the same school waits on the row lock until the first commits or rolls back — and a rollback gives
 * the number back. Call it as the last step before inserting the document, to hold the lock as briefly as possible.
 */
@Injectable()
export class DocumentNumbers {
  async next(em: EntityManager, schoolId: string, series: DocumentSeries, year: number): Promise<number> {
    const row = await sqlRow<{ last_number: number }>(
      em,
      `insert into finance_counter (school_id, series, year, last_number) values ($1, $2, $3, 1)
       on conflict (school_id, series, year) do update set last_number = finance_counter.last_number + 1
       returning last_number`,
      [schoolId, series, year],
    );
    if (!row) throw new Error('finance_counter answered no row');
    return row.last_number;
  }
}
