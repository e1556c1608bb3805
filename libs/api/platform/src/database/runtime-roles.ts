/**
 * The PostgreSQL roles the running API connects as (docs/security/roles.md). Neither owns a table of the application
 * or bypasses row-level security; the schema owner's credential stays with the migrate step.
 */

/** Requests and the work of jobs: owns nothing, subject to row-level security. */
export const APP_ROLE = 'emis_app';

/** pg-boss: owns the pgboss schema and nothing else. */
export const JOBS_ROLE = 'emis_jobs';

/** The logins the migrate step sets on the runtime roles (each optional: a role left alone keeps its password). */
export interface RuntimeRolePasswords {
  app?: string;
  jobs?: string;
}

/**
 * The URL of `role` on the server and database of `ownerUrl`: what the migrate step's caller hands the API when it
 * set the role's password itself (`npm start`, the tests, the benchmark).
 */
export function runtimeRoleUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = encodeURIComponent(password);
  return url.toString();
}
