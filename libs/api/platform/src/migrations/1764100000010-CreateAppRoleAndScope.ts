import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application role and the scope predicate every RLS policy calls; the accent-free search function.
 * Part of what applied as CreateFoundation1764100000000 until the migrations moved to their contexts: a database
 * that applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateAppRoleAndScope1764100000010 implements MigrationInterface {
  name = 'CreateAppRoleAndScope1764100000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The application role owns nothing and never bypasses RLS. Deployment gives it LOGIN and a password.
      do $$ begin
        if not exists (select from pg_roles where rolname = 'emis_app') then
          create role emis_app nologin nosuperuser nocreatedb nocreaterole nobypassrls;
        end if;
      end $$;
      grant usage on schema public to emis_app;

      -- Scope predicate shared by every RLS policy. app.all_schools = 'on' is the department's scope (the whole
      -- province in this database); otherwise app.school_ids lists the org units (schools and units) in view.
      -- Both are set per transaction by the API (TenantDb); unset means no rows.
      create function emis_in_scope(school uuid) returns boolean
        language sql stable parallel safe as $fn$
          select coalesce(current_setting('app.all_schools', true), '') = 'on'
              or school = any (string_to_array(nullif(current_setting('app.school_ids', true), ''), ',')::uuid[])
        $fn$;

      -- Search without diacritics ("truong" finds "Trường"): a translate() table rather than the unaccent
      -- extension, so it is immutable, indexable and available on every server (Citus included).
      create function unaccent_vi(value text) returns text
        language sql immutable parallel safe strict as $fn$
          select translate(lower(value), 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
        $fn$;

      grant execute on function emis_in_scope(uuid), unaccent_vi(text) to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists emis_in_scope(uuid);
      drop function if exists unaccent_vi(text);
    `);
  }
}
