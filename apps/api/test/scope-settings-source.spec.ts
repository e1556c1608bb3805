import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_PLAN_SETTINGS } from '@emis/api/people';
import { SET_SCOPE_SQL } from '@emis/api/platform';
import { ROOT, sourceFiles, stringLiterals } from './table-ownership-rules';

/**
 * The API sets its tenant scope in one way only: TenantDb's `select emis_set_scope(…)` at the start of each
 * transaction, whose function writes the app.* settings with `SET LOCAL` statements, the form Citus forwards to the
 * workers (migration BindScopeToDistributedTransaction1765000001100). Any other write of a setting in the API's code —
 * a `set_config('app.…')`, a `SET [LOCAL|SESSION] app.…`, a `RESET` — would be a second way: on one node it breaks
 * the seal (nothing is read), and on a Citus cluster a set_config or a session SET reaches the coordinator only. So
 * the documented limit of the cluster (docs/scaling.md, "What an injected setting does on a cluster") concerns an
 * attacker's forged settings, never the application's own. Unit-level: the source the API runs (table-ownership-rules'
 * sourceFiles: every libs/api context and apps/api/src, without migrations and the demo seed, which runs as the owner).
 */

/** Each write of a run-time setting in a piece of SQL: how, and the setting's name (an expression when not literal). */
function settingWrites(sql: string): { how: string; name: string }[] {
  const text = sql.replace(/--[^\n]*/g, ' ');
  const found: { how: string; name: string }[] = [];
  for (const m of text.matchAll(/\bset_config\s*\(\s*('([^']*)'|[^,)]*)/gi))
    found.push({ how: 'set_config', name: (m[2] ?? m[1]).trim() });
  // SET and RESET as statements (at the start, or after a semicolon): not an UPDATE's or an upsert's SET.
  for (const m of text.matchAll(/(?:^|;)\s*set\s+(local\s+|session\s+)?([a-z_][\w.]*)\s*(?:=|to\b)/gi))
    found.push({ how: `set ${(m[1] ?? '').trim().toLowerCase()}`.trim(), name: m[2] });
  for (const m of text.matchAll(/(?:^|;)\s*reset\s+(all\b|[a-z_][\w.]*)/gi)) found.push({ how: 'reset', name: m[1] });
  return found;
}

describe("the API's own settings", () => {
  it('sets the scope only through emis_set_scope, and no app.* setting anywhere else', () => {
    expect(SET_SCOPE_SQL).toBe('select emis_set_scope($1, $2, $3, $4, $5, $6)');
    const writes: string[] = [];
    for (const { file } of sourceFiles()) {
      for (const { text, line } of stringLiterals(readFileSync(file, 'utf8'), file)) {
        for (const w of settingWrites(text)) {
          // A planner or timeout setting of a statement's own is no scope; an app.* name, RESET ALL or a name not
          // written literally (which could be one) is.
          if (/^(?!app\.)[a-z_][a-z0-9_.]*$/i.test(w.name) && w.name.toLowerCase() !== 'all') continue;
          writes.push(`${path.relative(ROOT, file)}:${line} ${w.how} ${w.name}`);
        }
      }
    }
    // The one exception: the pupil search's planner settings for its own statement (a template literal names them,
    // seen here as `$_`), which are no scope: checked to be planner switches.
    const search = 'libs/api/people/src/search/student-search.repository.ts';
    expect(writes.filter((w) => !w.startsWith(`${search}:`))).toEqual([]);
    expect(writes.filter((w) => w.startsWith(`${search}:`)).map((w) => w.replace(/^.*?:\d+ /, ''))).toEqual([
      'set_config $_',
      'set_config $_',
    ]);
    expect(SEARCH_PLAN_SETTINGS.filter((name) => !/^enable_[a-z]+$/.test(name))).toEqual([]);
  });

  it("sees every form of a setting written, and leaves an UPDATE's or an upsert's SET and a read of a setting alone", () => {
    expect(
      settingWrites(`select set_config('app.all_schools', 'on', true), set_config($1, 'x', false);
        set app.school_ids = 'x'; set local app.user_id to 'y'; SET SESSION app.closed_ids = ''; reset all;
        reset app.scope_seal; SET statement_timeout = 0`),
    ).toEqual([
      { how: 'set_config', name: 'app.all_schools' },
      { how: 'set_config', name: '$1' },
      { how: 'set', name: 'app.school_ids' },
      { how: 'set local', name: 'app.user_id' },
      { how: 'set session', name: 'app.closed_ids' },
      { how: 'set', name: 'statement_timeout' },
      { how: 'reset', name: 'all' },
      { how: 'reset', name: 'app.scope_seal' },
    ]);
    expect(
      settingWrites(`insert into t (a) values ($1) on conflict (a) do update set a = excluded.a;
        update student set full_name = $2 where id = $1; select current_setting('app.user_id', true)`),
    ).toEqual([]);
  });
});
