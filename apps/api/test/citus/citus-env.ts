/**
 * What the Citus run's global setup started, beside the TestEnv every integration spec reads (test-env.ts): the
 * workers, for the specs that look at shards where they live. Handed over in an environment variable like TestEnv.
 */
export interface CitusEnv {
  /** The schema owner's (postgres) URL of each worker's Emis database. */
  workerUrls: string[];
  /** How long each step of the setup took, in milliseconds (printed by the setup, kept for the record). */
  timings: Record<string, number>;
}

const VARIABLE = 'EMIS_CITUS_TEST_ENV';

export function writeCitusEnv(env: CitusEnv): void {
  process.env[VARIABLE] = JSON.stringify(env);
}

export function readCitusEnv(): CitusEnv {
  const value = process.env[VARIABLE];
  if (!value) throw new Error(`${VARIABLE} is not set: run the Citus specs with npm run test:citus`);
  return JSON.parse(value) as CitusEnv;
}
