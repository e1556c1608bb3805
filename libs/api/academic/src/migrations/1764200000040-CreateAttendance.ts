import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily attendance per class and student. school_id comes first in every key (Citus distribution column).
 * Part of what applied as CreatePeople1764200000000 until the migrations moved to their contexts: a database that
 * applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateAttendance1764200000040 implements MigrationInterface {
  name = 'CreateAttendance1764200000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
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
    `);
    const schoolOwned = [['attendance', 'attendance of classes in scope']];
    for (const [table, why] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why.replace(/'/g, "''")}';
        grant select, insert, update, delete on ${table} to emis_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists attendance;
    `);
  }
}
