import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fee schedules and exceptions (docs/domain/finance.md, "Who sets what"): an adopted fee line is never edited but
 * withdrawn and replaced by a new draft of the same name, so a name is unique among a school's lines that are not
 * withdrawn only; and one pupil has at most one pending or approved exception per fee kind and year, so the
 * exception a charge applies is never ambiguous. school_id leads both indexes (Citus distribution column).
 */
export class LimitLiveFeeLines1764700000100 implements MigrationInterface {
  name = 'LimitLiveFeeLines1764700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table finance_fee_schedule drop constraint finance_fee_schedule_school_id_school_year_id_fee_kind_name_key;
      create unique index finance_fee_schedule_live_name_idx on finance_fee_schedule
        (school_id, school_year_id, fee_kind, name) where status <> 'WITHDRAWN';
      create unique index finance_exception_live_idx on finance_exception
        (school_id, school_year_id, student_id, fee_kind) where status in ('PENDING', 'APPROVED');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index finance_exception_live_idx;
      drop index finance_fee_schedule_live_name_idx;
      alter table finance_fee_schedule add constraint finance_fee_schedule_school_id_school_year_id_fee_kind_name_key
        unique (school_id, school_year_id, fee_kind, name);
    `);
  }
}
