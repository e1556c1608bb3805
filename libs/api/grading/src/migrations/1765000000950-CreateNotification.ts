import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (docs/domain/gradebook.md, "Notifications"): one row per recipient, written by the grading
 * context's reactions to its own events (a correction requested → the school's principals; decided → the teacher
 * who asked). `source_event_id` makes a second delivery of the same event a no-op (the outbox delivers at least
 * once). school_id leads every key (Citus distribution column); row-level security on emis_in_scope(school_id),
 * sealed like every policy (docs/adr/sealed-scope.md); a user reads only their own rows (the API filters on
 * recipient_id, the index serves the bell's unread count and the list, unread first).
 */
export class CreateNotification1765000000950 implements MigrationInterface {
  name = 'CreateNotification1765000000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notification (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        recipient_id uuid not null references app_user (id),
        kind text not null check (kind in ('CORRECTION_REQUESTED', 'CORRECTION_APPROVED', 'CORRECTION_REJECTED')),
        subject_id uuid not null,
        payload jsonb not null default '{}',
        source_event_id uuid not null,
        created_at timestamptz not null,
        read_at timestamptz,
        primary key (school_id, id),
        unique (school_id, source_event_id, recipient_id)
      );
      create index notification_recipient_idx on notification (school_id, recipient_id, (read_at is null), created_at desc);

      alter table notification enable row level security;
      alter table notification force row level security;
      create policy notification_scope on notification
        using (emis_in_scope(school_id) and (select emis_scope_sealed()))
        with check (emis_in_scope(school_id) and (select emis_scope_sealed()));
      comment on policy notification_scope on notification is 'notifications of schools in scope; the API reads the caller''s own';
      grant select, insert, update on notification to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists notification;`);
  }
}
