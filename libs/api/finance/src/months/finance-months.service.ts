import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import type { FinanceMonth } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { FinanceMonthsRepository } from './finance-months.repository';

/**
 * Closing the school's accounting months (khoá sổ). Once a month is closed nothing dated in it can be written — the
 * database's trigger refuses it (SQLSTATE EF001, answered 409 finance_month_closed) — so its books, receipts and
 * reconciliation are final; a mistake found later is corrected by an entry dated in an open month. Months close in
 * order, after they end: a closed month never has an open one before it.
 */
@Injectable()
export class FinanceMonthsService {
  constructor(
    private readonly db: TenantDb,
    private readonly months: FinanceMonthsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every month from the school's first dated entry to the current one, each closed or not (yyyy-MM). */
  async list(scope: Scope, schoolId: string): Promise<FinanceMonth[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const closed = await this.months.closed(em, schoolId);
      const current = monthOf(todayInVietnam());
      const first = [(await this.months.firstActiveMonth(em, schoolId)) ?? current, ...closed.keys()].sort()[0];
      return monthsBetween(first, current).map((month) => ({
        month: month.slice(0, 7),
        closedAt: closed.get(month) ?? null,
      }));
    });
  }

  async close(scope: Scope, actor: Principal, schoolId: string, month: string): Promise<FinanceMonth> {
    assertInScope(scope, schoolId);
    const first = `${month}-01`;
    if (first >= monthOf(todayInVietnam())) {
      throw new ProblemException(HttpStatus.CONFLICT, 'finance_month_not_ended');
    }
    return this.db.run(async (em) => {
      await this.months.lockSchool(em, schoolId);
      const closed = await this.months.closed(em, schoolId);
      if (closed.has(first)) throw new ProblemException(HttpStatus.CONFLICT, 'finance_month_already_closed');
      const active = await this.months.firstActiveMonth(em, schoolId);
      const open = active ? monthsBetween(active, first).find((m) => m < first && !closed.has(m)) : undefined;
      if (open) {
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_month_earlier_open', undefined, {
          month: open.slice(0, 7),
        });
      }
      await this.months.close(em, schoolId, first, actor.userId);
      const closedAt = (await this.months.closed(em, schoolId)).get(first) ?? null;
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_month_close',
        entityId: `${schoolId}:${month}`,
        action: 'CREATE',
        after: { month, closedAt },
      });
      return { month, closedAt };
    });
  }
}

/** 'yyyy-MM-01' of a day. */
function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first days of the months from `from` to `to` ('yyyy-MM-01', both included). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (let at = from; at <= to; at = `${year}-${String(month).padStart(2, '0')}-01`) {
    months.push(at);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}
