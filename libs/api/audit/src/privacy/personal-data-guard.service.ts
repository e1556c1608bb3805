import { HttpStatus, Injectable } from '@nestjs/common';
import {
  BudgetVerdict,
  BudgetWindow,
  DAY_MS,
  HOUR_MS,
  judgeExport,
  judgeRead,
  PersonalDataKind,
  ReadBudget,
  READ_BUDGETS,
} from '@emis/domain';
import { CTX, ExportWatermark, localeFrom, Principal, ProblemException, vietnamTime } from '@emis/api/platform';
import { CLS_REQ, ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditedRead, AuditService } from '../audit.service';
import { SecurityEvents } from '../security-events.service';
import { PersonalDataLedger } from './personal-data-ledger.repository';

/** What an export of personal data carries: the whole list of a school's pupils or staff, or its grade book. */
export type PersonalDataExport = 'STUDENT' | 'STAFF' | 'GRADEBOOK';

/**
 * A request whose rows name people (a list, a class roster, a grade sheet, a class's results): charged to the
 * reader's budget and audited as one READ row. `entity`/`entityId` default to the kind's list of the school.
 */
export interface ListRelease extends Omit<AuditedRead, 'entity' | 'entityId'> {
  kind: PersonalDataKind;
  entity?: string;
  entityId?: string;
}

/** One full record (a pupil's, a staff member's): charged to the budget and audited as a VIEW naming its groups. */
export interface RecordRelease {
  kind: PersonalDataKind;
  schoolId: string;
  id: string;
  groups: readonly string[];
}

const AUDIT_ENTITY: Record<PersonalDataKind, string> = { STUDENT: 'student', STAFF: 'staff' };

/**
 * The bulk-extraction guard (docs/security/guard.md): every service that returns identifying data of pupils or staff
 * charges the people it returns to the reader's budget (READ_BUDGETS) before returning them; past the budget the
 * request is refused whole (429 read_budget_exceeded) and the reader is blocked until the window frees up, and the
 * first refusal of a window alerts the department's administrator. Exports of personal data are limited per day
 * (429 export_limit_exceeded) and carry a watermark naming the account.
 *
 * Work outside a request (jobs, seeds) has no reader and is not charged.
 */
@Injectable()
export class PersonalDataGuard {
  constructor(
    private readonly ledger: PersonalDataLedger,
    private readonly events: SecurityEvents,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /** Charges the reader for `ids`; refuses with 429 past the budget. Re-reads of people already counted are free. */
  async charge(kind: PersonalDataKind, ids: readonly string[], schoolId?: string): Promise<void> {
    await this.chargeWithin(kind, ids, schoolId, (budget) => budget);
  }

  /**
   * Charges the people of an export admitted by `admitExport` (docs/security/guard.md, "Exports"). An export of a
   * school by someone who works in it (its administrator, accountant) is bounded by the daily export limit and by the
   * school itself: their budget is the size of their school (the hour covers the whole school), so it widens to the
   * export's own size for a school larger than the table's figure. Everyone else's export is charged like a list.
   */
  async chargeExport(kind: PersonalDataKind, ids: readonly string[], schoolId: string): Promise<void> {
    const reader = this.reader();
    const ownSchool = reader?.orgUnitId === schoolId;
    await this.chargeWithin(kind, ids, schoolId, (budget) =>
      ownSchool
        ? { perHour: Math.max(budget.perHour, ids.length), perDay: Math.max(budget.perDay, 2 * ids.length) }
        : budget,
    );
  }

  private async chargeWithin(
    kind: PersonalDataKind,
    ids: readonly string[],
    schoolId: string | undefined,
    widen: (budget: ReadBudget) => ReadBudget,
  ): Promise<void> {
    const reader = this.reader();
    if (!reader || ids.length === 0) return;
    const budget = widen(READ_BUDGETS[reader.role][kind]);
    const charge = await this.ledger.chargeReads(reader.userId, kind, [...ids], budget);
    if (charge.allowed) return;
    if (charge.blockedUntil) this.refuse('read_budget_exceeded', charge.blockedUntil, charge.now);
    const verdict = refusal(judgeRead(budget, charge.tally, charge.fresh, charge.now), {
      window: 'HOUR',
      limit: budget.perHour,
      freesAt: new Date(charge.now.getTime() + HOUR_MS),
    });
    if (await this.ledger.block(reader.userId, kind, verdict.freesAt, verdict.window)) {
      await this.events.record({
        kind: 'READ_BUDGET_EXCEEDED',
        alert: true,
        schoolId: schoolId ?? null,
        detail: {
          subjectKind: kind,
          role: reader.role,
          window: verdict.window,
          limit: verdict.limit,
          readInHour: charge.tally.hour,
          readInDay: charge.tally.day,
          requested: charge.fresh,
          blockedUntil: verdict.freesAt.toISOString(),
        },
      });
    }
    this.refuse('read_budget_exceeded', verdict.freesAt, charge.now);
  }

  /**
   * A request whose rows name people: charges the people returned, then records one READ row in the school's chain
   * naming them (docs/domain/personal-data.md: who saw whose data, when), in the request's transaction. Refused whole
   * (429) before the READ row is written, so a refused request leaves no READ row.
   */
  async releaseList(em: EntityManager, list: ListRelease, actor?: Principal): Promise<void> {
    const { kind, entity, entityId, ...read } = list;
    await this.charge(kind, read.ids, read.schoolId);
    await this.audit.recordRead(
      em,
      { ...read, entity: entity ?? AUDIT_ENTITY[kind], entityId: entityId ?? read.schoolId },
      actor,
    );
  }

  /** One full record: charged to the reader's budget, then one VIEW row naming the field groups shown. */
  async releaseRecord(em: EntityManager, record: RecordRelease): Promise<void> {
    await this.charge(record.kind, [record.id], record.schoolId);
    await this.audit.recordView(em, {
      schoolId: record.schoolId,
      entity: AUDIT_ENTITY[record.kind],
      entityId: record.id,
      groups: record.groups,
    });
  }

  /**
   * Admits one export of personal data against the reader's daily limit and answers the watermark it must carry.
   * The first refusal of a window alerts the department's administrator.
   */
  async admitExport(kind: PersonalDataExport, schoolId: string): Promise<ExportWatermark> {
    const reader = this.reader();
    if (!reader) throw new Error('An export of personal data needs a signed-in reader');
    const limit = READ_BUDGETS[reader.role].exportsPerDay;
    const charge = await this.ledger.chargeExport(reader.userId, kind, schoolId, limit);
    if (charge.allowed) return { fullName: reader.fullName, username: reader.username, at: charge.now };
    if (charge.blockedUntil) this.refuse('export_limit_exceeded', charge.blockedUntil, charge.now);
    const verdict = refusal(judgeExport(reader.role, charge.exportsInDay, charge.oldestInDay, charge.now), {
      window: 'DAY',
      limit,
      freesAt: new Date(charge.now.getTime() + DAY_MS),
    });
    if (await this.ledger.block(reader.userId, 'EXPORT', verdict.freesAt, verdict.window)) {
      await this.events.record({
        kind: 'EXPORT_LIMIT_EXCEEDED',
        alert: true,
        schoolId,
        detail: { exportKind: kind, role: reader.role, limit, exportsInDay: charge.exportsInDay },
      });
    }
    this.refuse('export_limit_exceeded', verdict.freesAt, charge.now);
  }

  private reader(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined;
  }

  /** 429 with the time the budget frees up: in the detail (the caller's language), as `retryAt` and Retry-After. */
  private refuse(code: 'read_budget_exceeded' | 'export_limit_exceeded', freesAt: Date, now: Date): never {
    const request = this.cls.isActive()
      ? this.cls.get<{ headers?: Record<string, string | undefined> } | undefined>(CLS_REQ)
      : undefined;
    const locale = localeFrom(request?.headers?.['accept-language']);
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, code, freesAtText(freesAt, locale), {
      retryAt: freesAt.toISOString(),
      retryAfter: Math.max(1, Math.ceil((freesAt.getTime() - now.getTime()) / 1000)),
    });
  }
}

interface Refusal {
  window: BudgetWindow;
  limit: number;
  freesAt: Date;
}

/**
 * The refusal the rule gives. The ledger refused in SQL by the same rule, so `judge*` agrees with it; should the
 * counts have moved between the two (a concurrent request), the ledger's refusal stands with `fallback`'s window.
 */
function refusal(verdict: BudgetVerdict, fallback: Refusal): Refusal {
  return verdict.allowed ? fallback : verdict;
}

function freesAtText(at: Date, locale: 'vi' | 'en'): string {
  return locale === 'vi' ? `Hạn mức được mở lại lúc ${vietnamTime(at)}.` : `The budget frees up at ${vietnamTime(at)}.`;
}
