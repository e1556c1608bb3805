import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school calendar (the province's years, a school's own semester dates), the subject catalogue, classes and
 * teaching assignments. school_id comes first in every key of a school-owned table (Citus distribution column).
 * Part of what applied as CreatePeople1764200000000 until the migrations moved to their contexts: a database that
 * applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateCalendarAndClasses1764200000020 implements MigrationInterface {
  name = 'CreateCalendarAndClasses1764200000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Reference data: the province's school years and semester dates (Citus reference table).
      create table school_year (
        id uuid primary key default gen_random_uuid(),
        code text not null unique check (code ~ '^\\d{4}-\\d{4}$'),
        starts_on date not null,
        ends_on date not null,
        semester1_start date not null,
        semester1_end date not null,
        semester2_start date not null,
        semester2_end date not null,
        status text not null default 'PLANNED' check (status in ('PLANNED', 'OPEN', 'CLOSED')),
        closed_at timestamptz,
        check (starts_on <= semester1_start and semester1_start <= semester1_end
               and semester1_end < semester2_start and semester2_start <= semester2_end and semester2_end <= ends_on)
      );

      -- Reference data: the subject catalogue (Circular 32/2018 general-education programme).
      create table subject (
        code text primary key,
        name text not null,
        name_en text not null,
        levels text[] not null,
        -- SCORE: comment combined with a 0–10 score; COMMENT: assessed Đạt / Chưa đạt only (Circular 22/2021 Art. 5).
        assessment text not null check (assessment in ('SCORE', 'COMMENT')),
        periods_per_year integer not null check (periods_per_year > 0),
        sort_order integer not null default 0
      );

      -- A school's own semester dates for a year, when they differ from the province's.
      create table school_year_override (
        school_id uuid not null references org_unit (id),
        school_year_id uuid not null references school_year (id),
        semester1_start date not null,
        semester1_end date not null,
        semester2_start date not null,
        semester2_end date not null,
        updated_at timestamptz not null,
        primary key (school_id, school_year_id),
        check (semester1_start <= semester1_end and semester1_end < semester2_start and semester2_start <= semester2_end)
      );

      create table class (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        name text not null,
        grade text not null check (grade in ('NT','MG3','MG4','MG5','1','2','3','4','5','6','7','8','9','10','11','12')),
        homeroom_staff_id uuid,
        room text,
        programme text,
        version integer not null default 1,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, school_year_id, name),
        foreign key (school_id, homeroom_staff_id) references staff (school_id, id)
      );

      -- Teacher × class × subject × semester: decides which gradebook columns a teacher may edit.
      create table teaching_assignment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        class_id uuid not null,
        subject_code text not null references subject (code),
        semester smallint not null check (semester in (1, 2)),
        staff_id uuid not null,
        assigned_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, class_id, subject_code, semester),
        foreign key (school_id, class_id) references class (school_id, id),
        foreign key (school_id, staff_id) references staff (school_id, id)
      );
      create index teaching_assignment_staff_idx on teaching_assignment (school_id, staff_id);
    `);
    const schoolOwned = [
      ['school_year_override', 'a school reads and sets only its own semester dates'],
      ['class', 'classes of schools in scope'],
      ['teaching_assignment', 'teaching assignments of schools in scope'],
    ];
    for (const [table, why] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why.replace(/'/g, "''")}';
        grant select, insert, update, delete on ${table} to emis_app;
      `);
    }
    await q.query(`
      grant select, insert, update on school_year to emis_app;
      grant select on subject to emis_app;
    `);
    await q.query(SUBJECTS_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists teaching_assignment, class, school_year_override, subject, school_year;
    `);
  }
}

/**
 * The subject catalogue of the 2018 general-education programme (Circular 32/2018/TT-BGDĐT) with periods per
 * school year of its most common grade. Primary subjects are assessed under Circular 27/2020; the assessment kind
 * here is the Circular 22/2021 kind for secondary grades (confirm per grade in the Gradebook issue).
 */
const SUBJECTS_SQL = `
  insert into subject (code, name, name_en, levels, assessment, periods_per_year, sort_order) values
    ('TIENG_VIET', 'Tiếng Việt', 'Vietnamese', '{PRIMARY}', 'SCORE', 350, 10),
    ('TOAN', 'Toán', 'Mathematics', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY,CONTINUING_EDUCATION}', 'SCORE', 140, 20),
    ('NGU_VAN', 'Ngữ văn', 'Literature', '{LOWER_SECONDARY,UPPER_SECONDARY,CONTINUING_EDUCATION}', 'SCORE', 140, 30),
    ('NGOAI_NGU_1', 'Ngoại ngữ 1 (Tiếng Anh)', 'Foreign language 1 (English)', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'SCORE', 105, 40),
    ('DAO_DUC', 'Đạo đức', 'Ethics', '{PRIMARY}', 'COMMENT', 35, 50),
    ('TU_NHIEN_XA_HOI', 'Tự nhiên và Xã hội', 'Nature and Society', '{PRIMARY}', 'COMMENT', 70, 60),
    ('KHOA_HOC', 'Khoa học', 'Science', '{PRIMARY}', 'SCORE', 70, 70),
    ('LICH_SU_DIA_LY', 'Lịch sử và Địa lí', 'History and Geography', '{PRIMARY,LOWER_SECONDARY}', 'SCORE', 105, 80),
    ('TIN_HOC', 'Tin học', 'Informatics', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'SCORE', 35, 90),
    ('CONG_NGHE', 'Công nghệ', 'Technology', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'SCORE', 35, 100),
    ('KHTN', 'Khoa học tự nhiên', 'Natural Science', '{LOWER_SECONDARY}', 'SCORE', 140, 110),
    ('GDCD', 'Giáo dục công dân', 'Civic Education', '{LOWER_SECONDARY}', 'SCORE', 35, 120),
    ('LICH_SU', 'Lịch sử', 'History', '{UPPER_SECONDARY}', 'SCORE', 52, 130),
    ('DIA_LY', 'Địa lí', 'Geography', '{UPPER_SECONDARY}', 'SCORE', 70, 140),
    ('VAT_LY', 'Vật lí', 'Physics', '{UPPER_SECONDARY}', 'SCORE', 70, 150),
    ('HOA_HOC', 'Hoá học', 'Chemistry', '{UPPER_SECONDARY}', 'SCORE', 70, 160),
    ('SINH_HOC', 'Sinh học', 'Biology', '{UPPER_SECONDARY}', 'SCORE', 70, 170),
    ('GD_KT_PL', 'Giáo dục kinh tế và pháp luật', 'Economic and Legal Education', '{UPPER_SECONDARY}', 'SCORE', 70, 180),
    ('GDQP_AN', 'Giáo dục quốc phòng và an ninh', 'Defence and Security Education', '{UPPER_SECONDARY}', 'SCORE', 35, 190),
    ('GIAO_DUC_THE_CHAT', 'Giáo dục thể chất', 'Physical Education', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'COMMENT', 70, 200),
    ('AM_NHAC', 'Âm nhạc', 'Music', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'COMMENT', 35, 210),
    ('MI_THUAT', 'Mĩ thuật', 'Fine Arts', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'COMMENT', 35, 220),
    ('HDTN_HN', 'Hoạt động trải nghiệm, hướng nghiệp', 'Experiential and Career-Guidance Activities', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'COMMENT', 105, 230),
    ('GD_DIA_PHUONG', 'Nội dung giáo dục địa phương', 'Local Education Content', '{PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY}', 'COMMENT', 35, 240);
`;
