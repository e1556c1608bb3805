import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting read model: per-school fact tables in their own schema, written only by the reporting context's
 * refresher from figures the owning contexts compute (docs/adr/reporting-read-model.md). Every table is school-owned
 * — school_id first in every key, row-level security on emis_in_scope — so it distributes with the school's other
 * rows on Citus. Facts are class-grained where the source is: a unit's or the province's figure is a SUM over its
 * schools' rows (a mean is sum_tenths / scored, never a mean of means), equal to the sum of its schools' to the digit.
 */
export class CreateReportingFacts1764500000000 implements MigrationInterface {
  name = 'CreateReportingFacts1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create schema reporting;
      grant usage on schema reporting to emis_app;

      -- One subject of one class for a period (HK1, HK2, CN): pupils on the roster, those with a numeric average,
      -- the sum of their averages in tenths, the bands by average (≥ 8.0, 6.5–7.9, 5.0–6.4, 3.5–4.9, < 3.5), the
      -- ratings of comment-assessed subjects (Đ / CĐ; Circular 27: T / H / C) and those not passed.
      create table reporting.subject_result (
        school_id uuid not null,
        school_year_id uuid not null,
        period text not null check (period in ('HK1', 'HK2', 'CN')),
        class_id uuid not null,
        subject_code text not null,
        grade text not null,
        pupils integer not null,
        scored integer not null,
        sum_tenths bigint not null,
        b80 integer not null, b65 integer not null, b50 integer not null, b35 integer not null, b00 integer not null,
        rating_d integer not null, rating_cd integer not null,
        rating_t integer not null, rating_h integer not null, rating_c integer not null,
        not_passed integer not null,
        primary key (school_id, school_year_id, period, class_id, subject_code)
      );

      -- A class's summary for a period, as the class results page computes it: measure 'pupils' and 'missing'
      -- (code ''), 'learning', 'training', 'award', 'promotion' (code = the level or outcome).
      create table reporting.class_outcome (
        school_id uuid not null,
        school_year_id uuid not null,
        period text not null check (period in ('HK1', 'HK2', 'CN')),
        class_id uuid not null,
        measure text not null check (measure in ('pupils', 'missing', 'learning', 'training', 'award', 'promotion')),
        code text not null,
        grade text not null,
        pupils integer not null,
        primary key (school_id, school_year_id, period, class_id, measure, code)
      );

      -- Every class of the year: its enrolled pupils (today, or on the year's last day once it ended) and the
      -- charter's ceiling for its grade.
      create table reporting.class_size (
        school_id uuid not null,
        school_year_id uuid not null,
        class_id uuid not null,
        grade text not null,
        name text not null,
        pupils integer not null,
        ceiling integer,
        primary key (school_id, school_year_id, class_id)
      );

      -- Enrolled pupils of a class by gender × ethnicity code × disability.
      create table reporting.headcount (
        school_id uuid not null,
        school_year_id uuid not null,
        class_id uuid not null,
        gender text not null,
        ethnicity text not null,
        disabled boolean not null,
        grade text not null,
        pupils integer not null,
        primary key (school_id, school_year_id, class_id, gender, ethnicity, disabled)
      );

      -- Enrolled pupils of a class per policy group (a pupil counts once in each of their groups) and gender.
      create table reporting.policy_count (
        school_id uuid not null,
        school_year_id uuid not null,
        class_id uuid not null,
        policy_group text not null,
        gender text not null,
        grade text not null,
        pupils integer not null,
        primary key (school_id, school_year_id, class_id, policy_group, gender)
      );

      -- Movements of the year per grade and gender: drop-outs, transfers out and in, and the year-end outcomes.
      create table reporting.movement (
        school_id uuid not null,
        school_year_id uuid not null,
        grade text not null,
        kind text not null check (kind in ('DROPPED_OUT', 'TRANSFERRED_OUT', 'TRANSFERRED_IN', 'PROMOTE', 'REPEAT', 'GRADUATE')),
        gender text not null,
        pupils integer not null,
        primary key (school_id, school_year_id, grade, kind, gender)
      );

      -- Attendance marks of a class in a semester.
      create table reporting.attendance (
        school_id uuid not null,
        school_year_id uuid not null,
        period text not null check (period in ('HK1', 'HK2')),
        class_id uuid not null,
        grade text not null,
        recorded integer not null,
        present integer not null,
        excused integer not null,
        unexcused integer not null,
        late integer not null,
        primary key (school_id, school_year_id, period, class_id)
      );

      -- Staff in post today by position × highest qualification × contract × gender × age band.
      create table reporting.staff_count (
        school_id uuid not null,
        position text not null,
        qualification text not null,
        contract_type text not null,
        gender text not null,
        age_band text not null,
        staff integer not null,
        primary key (school_id, position, qualification, contract_type, gender, age_band)
      );

      -- The last refresh of a school; version grows with each one (report caches key on it).
      create table reporting.school_state (
        school_id uuid primary key,
        refreshed_at timestamptz not null,
        version bigint not null
      );

      -- What changed and is not folded into the facts yet: topic 'grades' (key = class id), 'people', 'classes',
      -- 'attendance', 'staff' (key ''). since = the first change not yet folded in.
      create table reporting.dirty (
        school_id uuid not null,
        topic text not null check (topic in ('grades', 'people', 'classes', 'attendance', 'staff')),
        key text not null,
        since timestamptz not null,
        primary key (school_id, topic, key)
      );

      -- Report queries filter by year and period across schools.
      create index subject_result_year_idx on reporting.subject_result (school_year_id, period);
      create index class_outcome_year_idx on reporting.class_outcome (school_year_id, period);
    `);
    for (const table of [
      'subject_result',
      'class_outcome',
      'class_size',
      'headcount',
      'policy_count',
      'movement',
      'attendance',
      'staff_count',
      'school_state',
      'dirty',
    ]) {
      await q.query(`
        alter table reporting.${table} enable row level security;
        alter table reporting.${table} force row level security;
        -- A school's facts are read and written only under a scope that includes the school (the refresher runs with
        -- the school's scope; the department's reports with the province's).
        create policy ${table}_scope on reporting.${table}
          using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        grant select, insert, update, delete on reporting.${table} to emis_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists reporting cascade`);
  }
}
