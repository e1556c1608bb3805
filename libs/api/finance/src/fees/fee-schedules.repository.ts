import { Injectable } from '@nestjs/common';
import type { FeeSchedule } from '@emis/contracts';
import { BillingUnit, FeeKind } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A fee line as stored, before the province's bounds are put beside it. */
export type StoredSchedule = Omit<FeeSchedule, 'allowed'>;

/** What a draft holds: everything but its school, year, status and version. */
export interface ScheduleFields {
  feeKind: FeeKind;
  name: string;
  billingUnit: BillingUnit;
  amount: number;
  grades: string[];
  voluntary: boolean;
  decisionNumber: string | null;
}

type ScheduleRow = Omit<StoredSchedule, 'amount'> & { amount: string };

const COLUMNS = `id, school_year_id as "schoolYearId", fee_kind as "feeKind", name, billing_unit as "billingUnit",
  amount::text as amount, grades, voluntary, decision_number as "decisionNumber", status,
  to_char(adopted_on, 'YYYY-MM-DD') as "adoptedOn", version`;

/** Tuition first, then the other kinds in the domain's order, then by name. */
const KIND_ORDER = `array_position(array['TUITION','MEALS','BOARDING','EXTRA_LESSONS','HEALTH_INSURANCE','SERVICE','VOLUNTARY'], fee_kind)`;

/** A school's fee schedules (finance_fee_schedule). */
@Injectable()
export class FeeSchedulesRepository {
  async list(em: EntityManager, schoolId: string, yearId: string): Promise<StoredSchedule[]> {
    const rows = await sqlRows<ScheduleRow>(
      em,
      `select ${COLUMNS} from finance_fee_schedule where school_id = $1 and school_year_id = $2
        order by status = 'WITHDRAWN', ${KIND_ORDER}, name, created_at`,
      [schoolId, yearId],
    );
    return rows.map(toSchedule);
  }

  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<StoredSchedule | undefined> {
    const row = await sqlRow<ScheduleRow>(
      em,
      `select ${COLUMNS} from finance_fee_schedule where school_id = $1 and id = $2 ${forUpdate ? 'for update' : ''}`,
      [schoolId, id],
    );
    return row && toSchedule(row);
  }

  /** A line not withdrawn of the same kind and name in the year, other than `exceptId` (the partial unique index). */
  async nameTaken(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    line: { feeKind: FeeKind; name: string },
    exceptId: string | null,
  ): Promise<boolean> {
    const row = await sqlRow(
      em,
      `select 1 from finance_fee_schedule where school_id = $1 and school_year_id = $2 and fee_kind = $3 and name = $4
          and status <> 'WITHDRAWN' and id is distinct from $5`,
      [schoolId, yearId, line.feeKind, line.name, exceptId],
    );
    return !!row;
  }

  async insert(em: EntityManager, schoolId: string, yearId: string, fields: ScheduleFields): Promise<StoredSchedule> {
    const row = await sqlRow<ScheduleRow>(
      em,
      `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount, grades,
         voluntary, decision_number)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
      [schoolId, yearId, ...fieldValues(fields)],
    );
    return toSchedule(row!);
  }

  async updateDraft(em: EntityManager, schoolId: string, id: string, fields: ScheduleFields): Promise<StoredSchedule> {
    const row = await sqlRow<ScheduleRow>(
      em,
      `update finance_fee_schedule set fee_kind = $3, name = $4, billing_unit = $5, amount = $6, grades = $7,
              voluntary = $8, decision_number = $9, version = version + 1, updated_at = now()
        where school_id = $1 and id = $2 returning ${COLUMNS}`,
      [schoolId, id, ...fieldValues(fields)],
    );
    return toSchedule(row!);
  }

  async adopt(
    em: EntityManager,
    schoolId: string,
    id: string,
    decision: { decisionNumber: string; adoptedOn: string },
  ): Promise<StoredSchedule> {
    const row = await sqlRow<ScheduleRow>(
      em,
      `update finance_fee_schedule set status = 'ADOPTED', decision_number = $3, adopted_on = $4,
              version = version + 1, updated_at = now()
        where school_id = $1 and id = $2 returning ${COLUMNS}`,
      [schoolId, id, decision.decisionNumber, decision.adoptedOn],
    );
    return toSchedule(row!);
  }

  async withdraw(em: EntityManager, schoolId: string, id: string): Promise<StoredSchedule> {
    const row = await sqlRow<ScheduleRow>(
      em,
      `update finance_fee_schedule set status = 'WITHDRAWN', version = version + 1, updated_at = now()
        where school_id = $1 and id = $2 returning ${COLUMNS}`,
      [schoolId, id],
    );
    return toSchedule(row!);
  }

  /** Locks the school's lines of the year, so two imports or adoptions of the province's fees queue. */
  async lockYear(em: EntityManager, schoolId: string, yearId: string): Promise<void> {
    await sqlExec(em, `select pg_advisory_xact_lock(hashtext('finance_fee_schedule'), hashtext($1 || ':' || $2))`, [
      schoolId,
      yearId,
    ]);
  }
}

function toSchedule(row: ScheduleRow): StoredSchedule {
  return { ...row, amount: Number(row.amount) };
}

function fieldValues(f: ScheduleFields): unknown[] {
  return [f.feeKind, f.name, f.billingUnit, f.amount, f.grades, f.voluntary, f.decisionNumber];
}
