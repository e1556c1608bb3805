import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform: the transactional outbox (docs/adr/table-ownership-and-events.md). A context that changes its own tables
 * writes an event row here in the same transaction; a relay hands unpublished rows to pg-boss and marks them; each
 * subscriber records the events it has handled in outbox_delivery, in the transaction of its effect, so a second
 * delivery of the same event changes nothing. Both tables belong to a school (school_id leads the primary key, as
 * Citus requires of a distributed table) and are filtered by the same RLS predicate as every school-owned table.
 */
export class CreateOutbox1764400000000 implements MigrationInterface {
  name = 'CreateOutbox1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The envelope is generic on purpose: the reporting read model will consume the same rows.
      create table outbox (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        type text not null check (type ~ '^[a-z]+(\\.[a-z][a-z-]*)+$'),
        aggregate_id text not null,
        payload jsonb not null default '{}',
        occurred_at timestamptz not null default now(),
        published_at timestamptz,
        primary key (school_id, id)
      );
      -- The relay's scan: only unpublished rows, oldest first.
      create index outbox_unpublished on outbox (occurred_at) where published_at is null;

      create table outbox_delivery (
        school_id uuid not null,
        event_id uuid not null,
        subscriber text not null,
        handled_at timestamptz not null default now(),
        primary key (school_id, event_id, subscriber)
      );

      alter table outbox enable row level security;
      alter table outbox force row level security;
      create policy outbox_scope on outbox using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
      comment on policy outbox_scope on outbox is 'events of schools in scope; the relay reads with the province scope';
      alter table outbox_delivery enable row level security;
      alter table outbox_delivery force row level security;
      create policy outbox_delivery_scope on outbox_delivery using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
      comment on policy outbox_delivery_scope on outbox_delivery is 'handled events of schools in scope';

      -- An event is written once and only its publication is stamped; handled events are only added.
      grant select, insert on outbox to emis_app;
      grant update (published_at) on outbox to emis_app;
      grant select, insert on outbox_delivery to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists outbox_delivery, outbox;`);
  }
}
