import { Query } from './citus-schema-rules';

/**
 * What must survive a backup and restore unchanged, computed the same way on the original and on the copy:
 * the data (row count and md5 of every table), every audit chain (verification and head hash), numbers a report
 * would show, and the security objects a dump must carry (RLS flags and policies, emis_app's grants, functions,
 * triggers). Read as the schema owner (a superuser, so RLS hides nothing).
 */
export interface Fingerprint {
  tables: Record<string, { rows: number; md5: string | null }>;
  chains: { school_id: string; rows: number; broken_at: number | null; last_seq: number; last_hash: string }[];
  studentsPerGrade: { school_id: string; grade: string; students: number }[];
  classAverages: { school_id: string; class_id: string; entries: number; average: string | null }[];
  security: Record<string, unknown[]>;
}

export async function fingerprint(query: Query): Promise<Fingerprint> {
  const names = (
    await query(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`,
    )
  ).map((r) => r['relname'] as string);
  const tables: Fingerprint['tables'] = {};
  for (const name of names) {
    // Row text in a fixed order: any changed, lost or added value changes the hash.
    const [row] = await query(
      `select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from public.${name} t`,
    );
    tables[name] = { rows: row['rows'] as number, md5: row['md5'] as string | null };
  }
  return {
    tables,
    chains: (await query(`
      select h.school_id, v.rows::int, v.broken_at::int, h.last_seq::int, h.last_hash
        from audit_chain_head h cross join lateral audit_verify(h.school_id) v order by h.school_id`)) as Fingerprint['chains'],
    studentsPerGrade: (await query(`
      select c.school_id, c.grade, count(distinct e.student_id)::int as students
        from enrolment e join class c on c.school_id = e.school_id and c.id = e.class_id
       where e.to_date is null group by c.school_id, c.grade order by 1, 2`)) as Fingerprint['studentsPerGrade'],
    classAverages: (await query(`
      select g.school_id, g.class_id, count(*)::int as entries, round(avg(ge.average), 4)::text as average
        from grade_entry ge join gradebook g on g.school_id = ge.school_id and g.id = ge.gradebook_id
       group by g.school_id, g.class_id order by 1, 2`)) as Fingerprint['classAverages'],
    security: await securityObjects(query),
  };
}

async function securityObjects(query: Query): Promise<Record<string, unknown[]>> {
  return {
    rowSecurity: await query(`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
       where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`),
    policies: await query(
      `select tablename, policyname, cmd, roles::text, qual, with_check from pg_policies where schemaname = 'public' order by 1, 2`,
    ),
    tableGrants: await query(`
      select table_name, string_agg(privilege_type, ',' order by privilege_type) as privileges
        from information_schema.role_table_grants where grantee = 'emis_app' and table_schema = 'public' group by table_name order by 1`),
    functions: await query(`
      select p.oid::regprocedure::text as signature, md5(p.prosrc) as body, p.provolatile, p.proacl::text as acl,
             has_function_privilege('emis_app', p.oid, 'execute') as app_executes
        from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1`),
    triggers: await query(`
      select tgrelid::regclass::text as table_name, tgname, tgfoid::regprocedure::text as fn from pg_trigger where not tgisinternal order by 1, 2`),
    schemaUsage: await query(`select has_schema_privilege('emis_app', 'public', 'usage') as app_uses_public`),
  };
}
