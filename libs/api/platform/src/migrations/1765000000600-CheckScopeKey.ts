import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's start-up check that its SCOPE_KEY is the database's (docs/security/scope.md, "Start-up check"). With a
 * different key every sealed transaction is refused (28000) and the API answers nothing but errors; the check turns
 * that into one clear refusal to start. It reveals nothing of the key: the API sends HMAC-SHA256 of a fixed label
 * under its key, the function compares it in SQL with the same MAC under the stored key and answers only whether they
 * are equal (null when no key is installed). The label is not a scope payload ('emis-scope/1|…'), so the MAC the API
 * sends can never serve as a scope's.
 */
export class CheckScopeKey1765000000600 implements MigrationInterface {
  name = 'CheckScopeKey1765000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function emis_scope_key_matches(p_check text) returns boolean
        language plpgsql stable security definer
        set search_path = pg_catalog, public, pg_temp as $fn$
        declare
          v_key text;
        begin
          select key into v_key from public.scope_key;
          if v_key is null then
            return null;
          end if;
          return p_check is not null
             and encode(public.hmac('emis-scope-key-check/1', v_key, 'sha256'), 'hex') = p_check;
        end
        $fn$;
      revoke all on function emis_scope_key_matches(text) from public;
      grant execute on function emis_scope_key_matches(text) to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists emis_scope_key_matches(text);`);
  }
}
