import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security events (docs/security.md): refusals, budgets exceeded, anchors broken. Not school-owned: an event may
 * concern a school the user may not see, or none; the department's administrator reads them all through the API
 * (`security.events.read`), so the table has no row-level security, like the org-unit tree and the users.
 * The application role inserts and reads; it may only mark an event acknowledged, never rewrite or delete one.
 */
export class CreateSecurityEvents1764900000050 implements MigrationInterface {
  name = 'CreateSecurityEvents1764900000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table security_event (
        id uuid primary key default gen_random_uuid(),
        at timestamptz not null default now(),
        kind text not null check (kind in ('CROSS_SCOPE_REFUSED', 'PERMISSION_REFUSED', 'READ_BUDGET_EXCEEDED',
          'EXPORT_LIMIT_EXCEEDED', 'REFUSAL_BURST', 'AUDIT_ANCHOR_MISMATCH', 'HOSTILE_UPLOAD')),
        alert boolean not null default false,
        user_id uuid,
        user_name text,
        user_org_unit_id uuid,
        target_unit_id uuid,
        method text,
        path text,
        request_id text,
        detail jsonb not null default '{}',
        acknowledged_at timestamptz,
        acknowledged_by uuid
      );
      create index security_event_at_idx on security_event (at desc);
      create index security_event_user_idx on security_event (user_id, at desc);
      create index security_event_open_alert_idx on security_event (at desc) where alert and acknowledged_at is null;
      grant select, insert on security_event to emis_app;
      grant update (acknowledged_at, acknowledged_by) on security_event to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table security_event`);
  }
}
