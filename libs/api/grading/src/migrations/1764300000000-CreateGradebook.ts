import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gradebook: the curriculum per grade (reference), one gradebook per class × subject × semester stamped with its
 * assessment scheme, one row of cells per student, the history of every cell, idempotency keys of saves, semester
 * locks, correction requests, conduct ratings and stored results. Every school-owned table keeps school_id first in
 * its primary key and in every unique and foreign key (Citus distribution column).
 */
export class CreateGradebook1764300000000 implements MigrationInterface {
  name = 'CreateGradebook1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Reference data: the subjects each grade studies, with periods per school year (Circular 32/2018 programme).
      create table curriculum_subject (
        grade text not null,
        subject_code text not null references subject (code),
        periods_per_year integer not null check (periods_per_year > 0),
        assessment text not null check (assessment in ('SCORE', 'COMMENT')),
        primary key (grade, subject_code)
      );

      -- One subject's gradebook for one class and semester. The scheme (circular) and its version are stamped when
      -- the gradebook is opened, so later rule changes never reinterpret old books.
      create table gradebook (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        class_id uuid not null,
        subject_code text not null references subject (code),
        semester smallint not null check (semester in (1, 2)),
        scheme text not null check (scheme in ('C22', 'C58', 'C27')),
        scheme_version text not null,
        assessment text not null check (assessment in ('SCORE', 'COMMENT')),
        periods_per_year integer not null,
        created_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, class_id, subject_code, semester),
        foreign key (school_id, class_id) references class (school_id, id)
      );

      -- A student's cells in one gradebook: {"TX1": 8, "GK": 7.5, "CK": "D"}. jsonb numbers are PostgreSQL numerics,
      -- so 7.5 stays exact. average/rating are computed by libs/domain on every save (the grid computes the same).
      create table grade_entry (
        school_id uuid not null,
        gradebook_id uuid not null,
        student_id uuid not null,
        cells jsonb not null default '{}',
        comment text,
        average numeric(3, 1),
        rating text,
        version integer not null default 1,
        updated_by uuid,
        updated_by_name text,
        updated_at timestamptz not null,
        primary key (school_id, gradebook_id, student_id),
        foreign key (school_id, gradebook_id) references gradebook (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id)
      );

      -- Every change of a cell (and of the teacher's comment, column 'comment'): old, new, who, when, why.
      create table grade_change (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        gradebook_id uuid not null,
        student_id uuid not null,
        column_key text not null,
        old_value jsonb,
        new_value jsonb,
        changed_by uuid,
        changed_by_name text,
        changed_at timestamptz not null,
        reason text,
        correction_id uuid,
        request_id uuid,
        primary key (school_id, id),
        foreign key (school_id, gradebook_id) references gradebook (school_id, id)
      );
      create index grade_change_cell_idx on grade_change (school_id, gradebook_id, student_id, column_key, changed_at desc);

      -- Idempotency of saves: the first answer to a request id, returned again to a retry.
      create table grade_save_request (
        school_id uuid not null,
        request_id uuid not null,
        gradebook_id uuid not null,
        user_id uuid,
        response jsonb,
        created_at timestamptz not null,
        primary key (school_id, request_id),
        foreign key (school_id, gradebook_id) references gradebook (school_id, id)
      );

      -- A school's semester lock: after it, scores change only through an approved correction request.
      create table grading_lock (
        school_id uuid not null references org_unit (id),
        school_year_id uuid not null references school_year (id),
        semester smallint not null check (semester in (1, 2)),
        locked_by uuid,
        locked_by_name text,
        locked_at timestamptz not null,
        primary key (school_id, school_year_id, semester)
      );

      create table grade_correction (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        gradebook_id uuid not null,
        student_id uuid not null,
        changes jsonb not null,
        reason text not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
        requested_by uuid,
        requested_by_name text,
        requested_at timestamptz not null,
        decided_by uuid,
        decided_by_name text,
        decided_at timestamptz,
        decision_note text,
        primary key (school_id, id),
        foreign key (school_id, gradebook_id) references gradebook (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id)
      );
      create index grade_correction_status_idx on grade_correction (school_id, status, requested_at);

      -- Conduct per semester: training level (C22), conduct (C58), qualities and competencies (C27).
      create table conduct_rating (
        school_id uuid not null,
        class_id uuid not null,
        student_id uuid not null,
        semester smallint not null check (semester in (1, 2)),
        training text check (training in ('TOT', 'KHA', 'DAT', 'CHUA_DAT')),
        qualities jsonb not null default '{}',
        comment text,
        version integer not null default 1,
        updated_by uuid,
        updated_at timestamptz not null,
        primary key (school_id, class_id, student_id, semester),
        foreign key (school_id, class_id) references class (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id)
      );

      -- Results stored for reporting (the department's reports read these, never raw scores).
      create table term_result (
        school_id uuid not null,
        class_id uuid not null,
        student_id uuid not null,
        period text not null check (period in ('HK1', 'HK2', 'CN')),
        scheme text not null,
        subjects jsonb not null,
        learning text,
        training text,
        overall_average numeric(3, 1),
        absences_excused integer not null default 0,
        absences_unexcused integer not null default 0,
        award text,
        promotion text,
        retest_subjects text[] not null default '{}',
        computed_by uuid,
        computed_at timestamptz not null,
        primary key (school_id, class_id, student_id, period),
        foreign key (school_id, class_id) references class (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id)
      );
      create index term_result_period_idx on term_result (school_id, period, learning);

      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK'));
      alter table import_job add column params jsonb not null default '{}';
      grant select on curriculum_subject to emis_app;
    `);
    const schoolOwned = [
      ['gradebook', 'gradebooks of schools in scope'],
      ['grade_entry', 'scores of schools in scope'],
      ['grade_change', 'score history of schools in scope'],
      ['grade_save_request', 'idempotency keys of saves in scope'],
      ['grading_lock', 'semester locks of schools in scope'],
      ['grade_correction', 'correction requests of schools in scope'],
      ['conduct_rating', 'conduct ratings of schools in scope'],
      ['term_result', 'stored results of schools in scope'],
    ];
    for (const [table, why] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why}';
        grant select, insert, update, delete on ${table} to emis_app;
      `);
    }
    // History and audit are append-only for the application.
    await q.query(`revoke update, delete on grade_change from emis_app;`);
    await q.query(CURRICULUM_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from import_job where kind = 'GRADEBOOK';
      alter table import_job drop column if exists params;
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check check (kind in ('STUDENTS', 'STAFF'));
      drop table if exists term_result, conduct_rating, grade_correction, grading_lock, grade_save_request, grade_change,
        grade_entry, gradebook, curriculum_subject;
    `);
  }
}

/**
 * The curriculum as it stood when this migration was written (Circular 32/2018/TT-BGDĐT programme: periods per school
 * year, and the assessment kind of Circular 27/2020 for primary and Circular 22/2021 Art. 5 for secondary grades).
 * Written out here, not read from libs/domain, so this migration never changes: a later change to the curriculum is
 * a new migration that updates these rows.
 */
const CURRICULUM_SQL = `
  insert into curriculum_subject (grade, subject_code, periods_per_year, assessment) values
    ('1', 'TIENG_VIET', 420, 'SCORE'), ('1', 'TOAN', 105, 'SCORE'), ('1', 'DAO_DUC', 35, 'COMMENT'), ('1', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'),
    ('1', 'AM_NHAC', 35, 'COMMENT'), ('1', 'MI_THUAT', 35, 'COMMENT'), ('1', 'HDTN_HN', 105, 'COMMENT'), ('1', 'TU_NHIEN_XA_HOI', 70, 'COMMENT'),
    ('2', 'TIENG_VIET', 350, 'SCORE'), ('2', 'TOAN', 175, 'SCORE'), ('2', 'DAO_DUC', 35, 'COMMENT'), ('2', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'),
    ('2', 'AM_NHAC', 35, 'COMMENT'), ('2', 'MI_THUAT', 35, 'COMMENT'), ('2', 'HDTN_HN', 105, 'COMMENT'), ('2', 'TU_NHIEN_XA_HOI', 70, 'COMMENT'),
    ('3', 'TIENG_VIET', 245, 'SCORE'), ('3', 'TOAN', 175, 'SCORE'), ('3', 'NGOAI_NGU_1', 140, 'SCORE'), ('3', 'DAO_DUC', 35, 'COMMENT'),
    ('3', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('3', 'AM_NHAC', 35, 'COMMENT'), ('3', 'MI_THUAT', 35, 'COMMENT'), ('3', 'HDTN_HN', 105, 'COMMENT'),
    ('3', 'TIN_HOC', 35, 'SCORE'), ('3', 'CONG_NGHE', 35, 'SCORE'), ('3', 'TU_NHIEN_XA_HOI', 70, 'COMMENT'),
    ('4', 'TIENG_VIET', 245, 'SCORE'), ('4', 'TOAN', 175, 'SCORE'), ('4', 'NGOAI_NGU_1', 140, 'SCORE'), ('4', 'DAO_DUC', 35, 'COMMENT'),
    ('4', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('4', 'AM_NHAC', 35, 'COMMENT'), ('4', 'MI_THUAT', 35, 'COMMENT'), ('4', 'HDTN_HN', 105, 'COMMENT'),
    ('4', 'TIN_HOC', 35, 'SCORE'), ('4', 'CONG_NGHE', 35, 'SCORE'), ('4', 'LICH_SU_DIA_LY', 70, 'SCORE'), ('4', 'KHOA_HOC', 70, 'SCORE'),
    ('5', 'TIENG_VIET', 245, 'SCORE'), ('5', 'TOAN', 175, 'SCORE'), ('5', 'NGOAI_NGU_1', 140, 'SCORE'), ('5', 'DAO_DUC', 35, 'COMMENT'),
    ('5', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('5', 'AM_NHAC', 35, 'COMMENT'), ('5', 'MI_THUAT', 35, 'COMMENT'), ('5', 'HDTN_HN', 105, 'COMMENT'),
    ('5', 'TIN_HOC', 35, 'SCORE'), ('5', 'CONG_NGHE', 35, 'SCORE'), ('5', 'LICH_SU_DIA_LY', 70, 'SCORE'), ('5', 'KHOA_HOC', 70, 'SCORE'),
    ('6', 'NGU_VAN', 140, 'SCORE'), ('6', 'TOAN', 140, 'SCORE'), ('6', 'NGOAI_NGU_1', 105, 'SCORE'), ('6', 'GDCD', 35, 'SCORE'),
    ('6', 'LICH_SU_DIA_LY', 105, 'SCORE'), ('6', 'KHTN', 140, 'SCORE'), ('6', 'CONG_NGHE', 35, 'SCORE'), ('6', 'TIN_HOC', 35, 'SCORE'),
    ('6', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('6', 'AM_NHAC', 35, 'COMMENT'), ('6', 'MI_THUAT', 35, 'COMMENT'), ('6', 'HDTN_HN', 105, 'COMMENT'),
    ('6', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('7', 'NGU_VAN', 140, 'SCORE'), ('7', 'TOAN', 140, 'SCORE'), ('7', 'NGOAI_NGU_1', 105, 'SCORE'), ('7', 'GDCD', 35, 'SCORE'),
    ('7', 'LICH_SU_DIA_LY', 105, 'SCORE'), ('7', 'KHTN', 140, 'SCORE'), ('7', 'CONG_NGHE', 35, 'SCORE'), ('7', 'TIN_HOC', 35, 'SCORE'),
    ('7', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('7', 'AM_NHAC', 35, 'COMMENT'), ('7', 'MI_THUAT', 35, 'COMMENT'), ('7', 'HDTN_HN', 105, 'COMMENT'),
    ('7', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('8', 'NGU_VAN', 140, 'SCORE'), ('8', 'TOAN', 140, 'SCORE'), ('8', 'NGOAI_NGU_1', 105, 'SCORE'), ('8', 'GDCD', 35, 'SCORE'),
    ('8', 'LICH_SU_DIA_LY', 105, 'SCORE'), ('8', 'KHTN', 140, 'SCORE'), ('8', 'CONG_NGHE', 52, 'SCORE'), ('8', 'TIN_HOC', 35, 'SCORE'),
    ('8', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('8', 'AM_NHAC', 35, 'COMMENT'), ('8', 'MI_THUAT', 35, 'COMMENT'), ('8', 'HDTN_HN', 105, 'COMMENT'),
    ('8', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('9', 'NGU_VAN', 140, 'SCORE'), ('9', 'TOAN', 140, 'SCORE'), ('9', 'NGOAI_NGU_1', 105, 'SCORE'), ('9', 'GDCD', 35, 'SCORE'),
    ('9', 'LICH_SU_DIA_LY', 105, 'SCORE'), ('9', 'KHTN', 140, 'SCORE'), ('9', 'CONG_NGHE', 52, 'SCORE'), ('9', 'TIN_HOC', 35, 'SCORE'),
    ('9', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('9', 'AM_NHAC', 35, 'COMMENT'), ('9', 'MI_THUAT', 35, 'COMMENT'), ('9', 'HDTN_HN', 105, 'COMMENT'),
    ('9', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('10', 'NGU_VAN', 105, 'SCORE'), ('10', 'TOAN', 105, 'SCORE'), ('10', 'NGOAI_NGU_1', 105, 'SCORE'), ('10', 'LICH_SU', 52, 'SCORE'),
    ('10', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('10', 'GDQP_AN', 35, 'SCORE'), ('10', 'HDTN_HN', 105, 'COMMENT'), ('10', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('10', 'DIA_LY', 70, 'SCORE'), ('10', 'GD_KT_PL', 70, 'SCORE'), ('10', 'VAT_LY', 70, 'SCORE'), ('10', 'HOA_HOC', 70, 'SCORE'),
    ('10', 'SINH_HOC', 70, 'SCORE'), ('10', 'CONG_NGHE', 70, 'SCORE'), ('10', 'TIN_HOC', 70, 'SCORE'), ('10', 'AM_NHAC', 70, 'COMMENT'),
    ('10', 'MI_THUAT', 70, 'COMMENT'),
    ('11', 'NGU_VAN', 105, 'SCORE'), ('11', 'TOAN', 105, 'SCORE'), ('11', 'NGOAI_NGU_1', 105, 'SCORE'), ('11', 'LICH_SU', 52, 'SCORE'),
    ('11', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('11', 'GDQP_AN', 35, 'SCORE'), ('11', 'HDTN_HN', 105, 'COMMENT'), ('11', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('11', 'DIA_LY', 70, 'SCORE'), ('11', 'GD_KT_PL', 70, 'SCORE'), ('11', 'VAT_LY', 70, 'SCORE'), ('11', 'HOA_HOC', 70, 'SCORE'),
    ('11', 'SINH_HOC', 70, 'SCORE'), ('11', 'CONG_NGHE', 70, 'SCORE'), ('11', 'TIN_HOC', 70, 'SCORE'), ('11', 'AM_NHAC', 70, 'COMMENT'),
    ('11', 'MI_THUAT', 70, 'COMMENT'),
    ('12', 'NGU_VAN', 105, 'SCORE'), ('12', 'TOAN', 105, 'SCORE'), ('12', 'NGOAI_NGU_1', 105, 'SCORE'), ('12', 'LICH_SU', 52, 'SCORE'),
    ('12', 'GIAO_DUC_THE_CHAT', 70, 'COMMENT'), ('12', 'GDQP_AN', 35, 'SCORE'), ('12', 'HDTN_HN', 105, 'COMMENT'), ('12', 'GD_DIA_PHUONG', 35, 'COMMENT'),
    ('12', 'DIA_LY', 70, 'SCORE'), ('12', 'GD_KT_PL', 70, 'SCORE'), ('12', 'VAT_LY', 70, 'SCORE'), ('12', 'HOA_HOC', 70, 'SCORE'),
    ('12', 'SINH_HOC', 70, 'SCORE'), ('12', 'CONG_NGHE', 70, 'SCORE'), ('12', 'TIN_HOC', 70, 'SCORE'), ('12', 'AM_NHAC', 70, 'COMMENT'),
    ('12', 'MI_THUAT', 70, 'COMMENT');
`;
