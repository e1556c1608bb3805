import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: the school calendar, subjects, classes, students with guardians, enrolments, transfers, year outcomes,
 * attendance, staff with their history, teaching assignments, and import jobs. Every school-owned table has
 * school_id first in its primary key and in every unique and foreign key (Citus distribution column).
 */
export class CreatePeople1764200000000 implements MigrationInterface {
  name = 'CreatePeople1764200000000';

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

      create table staff (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        personal_id text not null check (personal_id ~ '^\\d{12}$'),
        full_name text not null,
        date_of_birth date not null,
        gender text not null check (gender in ('MALE', 'FEMALE')),
        ethnicity text not null default '01',
        phone text,
        email text,
        position text not null check (position in ('PRINCIPAL', 'VICE_PRINCIPAL', 'TEACHER', 'STAFF')),
        contract_type text not null check (contract_type in ('CIVIL_SERVANT', 'CONTRACT')),
        -- Civil-servant rank code (mã ngạch/chức danh nghề nghiệp, e.g. V.07.04.32), salary coefficient and step.
        rank_code text,
        salary_coefficient numeric(4, 2) check (salary_coefficient between 1 and 10),
        salary_step smallint check (salary_step between 1 and 12),
        qualifications jsonb not null default '[]',
        subjects text[] not null default '{}',
        start_date date not null,
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'LEAVE', 'RETIRED', 'TRANSFERRED')),
        party_member boolean,
        union_member boolean,
        version integer not null default 1,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, personal_id)
      );

      -- Positions held, transfers in and out, status changes: the employment history.
      create table staff_history (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        staff_id uuid not null,
        kind text not null check (kind in ('HIRED', 'POSITION', 'STATUS', 'TRANSFER_IN', 'TRANSFER_OUT')),
        effective_on date not null,
        details jsonb not null default '{}',
        recorded_at timestamptz not null,
        primary key (school_id, id),
        foreign key (school_id, staff_id) references staff (school_id, id)
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

      -- A student's record at one school. A transferred student has one row per school with the same id:
      -- the sending school keeps its row (status TRANSFERRED_OUT, read-only), the receiving school gets a copy.
      create table student (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        personal_id text not null check (personal_id ~ '^\\d{12}$'),
        full_name text not null,
        -- Vietnamese order: given name (last word), then middle names, then family name (first word).
        family_name text generated always as (split_part(btrim(full_name), ' ', 1)) stored,
        given_name text generated always as (regexp_replace(btrim(full_name), '^.*\\s', '')) stored,
        middle_name text generated always as (btrim(regexp_replace(regexp_replace(btrim(full_name), '\\s*\\S+$', ''), '^\\S+', ''))) stored,
        date_of_birth date not null,
        gender text not null check (gender in ('MALE', 'FEMALE')),
        ethnicity text not null default '01',
        religion text,
        nationality text not null default 'VN',
        place_of_birth text,
        permanent_address text,
        current_address text,
        policy_groups text[] not null default '{}',
        disability text,
        status text not null default 'STUDYING' check (status in ('STUDYING', 'TRANSFERRED_OUT', 'DROPPED_OUT', 'GRADUATED')),
        status_reason text,
        status_date date,
        version integer not null default 1,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, personal_id)
      );
      create index student_name_idx on student (school_id, given_name, middle_name, family_name);

      create table guardian (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        student_id uuid not null,
        relation text not null check (relation in ('FATHER', 'MOTHER', 'GUARDIAN')),
        full_name text not null,
        phone text,
        occupation text,
        birth_year smallint,
        primary key (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id) on delete cascade
      );
      create index guardian_student_idx on guardian (school_id, student_id);

      -- Who sat in which class, from when to when. One open enrolment per student and year.
      create table enrolment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        student_id uuid not null,
        class_id uuid not null,
        school_year_id uuid not null references school_year (id),
        from_date date not null,
        to_date date,
        reason text,
        primary key (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id),
        foreign key (school_id, class_id) references class (school_id, id)
      );
      create unique index enrolment_open_idx on enrolment (school_id, student_id, school_year_id) where to_date is null;
      create index enrolment_class_idx on enrolment (school_id, class_id) where to_date is null;

      -- The school council's year-end decision per student; the software proposes, the council decides.
      create table year_outcome (
        school_id uuid not null,
        student_id uuid not null,
        school_year_id uuid not null references school_year (id),
        grade text not null,
        outcome text not null check (outcome in ('PROMOTED', 'REPEAT', 'GRADUATED')),
        decided_by uuid,
        decided_at timestamptz not null,
        primary key (school_id, student_id, school_year_id),
        foreign key (school_id, student_id) references student (school_id, id)
      );

      -- One side of a transfer between two schools. The sending school's OUT row and the receiving school's IN
      -- row share the transfer id; each school sees only its own side (RLS), the service writes both.
      create table student_transfer (
        school_id uuid not null references org_unit (id),
        id uuid not null,
        direction text not null check (direction in ('OUT', 'IN')),
        student_id uuid not null,
        counterpart_school_id uuid not null references org_unit (id),
        status text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED')),
        reason text,
        effective_on date not null,
        -- The student's record as the sending school released it (IN side): copied on acceptance.
        snapshot jsonb,
        requested_by uuid,
        requested_at timestamptz not null,
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        primary key (school_id, id)
      );
      create index student_transfer_student_idx on student_transfer (school_id, student_id);

      create table attendance (
        school_id uuid not null,
        class_id uuid not null,
        day date not null,
        student_id uuid not null,
        status text not null check (status in ('PRESENT', 'EXCUSED', 'UNEXCUSED', 'LATE')),
        note text,
        recorded_by uuid,
        recorded_at timestamptz not null,
        primary key (school_id, class_id, day, student_id),
        foreign key (school_id, class_id) references class (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id)
      );
      create index attendance_student_idx on attendance (school_id, student_id, day);

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

      -- Excel imports run as background jobs; the uploaded file and the annotated error workbook are kept here
      -- so any API instance can serve the job's progress and result.
      create table import_job (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('STUDENTS', 'STAFF')),
        status text not null default 'QUEUED' check (status in ('QUEUED', 'VALIDATING', 'COMMITTING', 'DONE', 'FAILED')),
        file_name text not null,
        file bytea,
        total_rows integer,
        processed_rows integer not null default 0,
        created_count integer not null default 0,
        updated_count integer not null default 0,
        unchanged_count integer not null default 0,
        error_count integer not null default 0,
        errors jsonb not null default '[]',
        error_file bytea,
        message text,
        created_by uuid,
        created_at timestamptz not null,
        finished_at timestamptz,
        primary key (school_id, id)
      );
    `);

    const schoolOwned = [
      ['school_year_override', 'a school reads and sets only its own semester dates'],
      ['staff', 'staff records of schools in scope'],
      ['staff_history', 'employment history of staff in scope'],
      ['class', 'classes of schools in scope'],
      ['student', 'student records of schools in scope'],
      ['guardian', 'guardians of students in scope'],
      ['enrolment', 'enrolments of schools in scope'],
      ['year_outcome', 'year-end decisions of schools in scope'],
      ['student_transfer', "each school sees its own side of a transfer; the other side is written by the two-scope service"],
      ['attendance', 'attendance of classes in scope'],
      ['teaching_assignment', 'teaching assignments of schools in scope'],
      ['import_job', 'import jobs of schools in scope'],
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
      -- The staff record a user account belongs to (teachers, principals): decides the classes a teacher may
      -- record attendance and grades for. No foreign key: app_user is reference data and staff is distributed,
      -- and Citus allows no key from a reference table to a distributed one.
      alter table app_user add column staff_id uuid;
      grant select, insert, update on school_year to emis_app;
      grant select on subject to emis_app;
    `);
    await q.query(SUBJECTS_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table app_user drop column if exists staff_id;
      drop table if exists import_job, teaching_assignment, attendance, student_transfer, year_outcome, enrolment,
        guardian, student, class, staff_history, staff, school_year_override, subject, school_year;
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
