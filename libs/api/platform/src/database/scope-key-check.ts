import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopeSealer } from './scope-seal';
import { sqlRow } from './sql';

/** The start-up refusal's text: what is wrong and what to do, never the key. */
export const SCOPE_KEY_MISMATCH =
  'SCOPE_KEY does not match the scope key installed in the database: every tenant scope the API signs would be ' +
  'refused. Give the API the SCOPE_KEY the migrate step was run with, or run the migrate step (cli.js prepare) ' +
  'with this SCOPE_KEY to install it.';
export const SCOPE_KEY_MISSING =
  'The database has no scope key installed: run the migrate step (cli.js prepare) with SCOPE_KEY before the API.';

/**
 * The API refuses to start when its SCOPE_KEY is not the database's (docs/security/scope.md, "Start-up check").
 * PostgreSQL compares a MAC of a fixed label under each key (emis_scope_key_matches) and answers only yes or no, so
 * neither the key nor anything that signs a scope crosses the wire.
 */
@Injectable()
export class ScopeKeyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly db: DataSource,
    private readonly sealer: ScopeSealer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const row = await sqlRow<{ matches: boolean | null }>(this.db, `select emis_scope_key_matches($1) as matches`, [
      this.sealer.keyCheck(),
    ]);
    if (row?.matches === true) return;
    throw new Error(row?.matches === false ? SCOPE_KEY_MISMATCH : SCOPE_KEY_MISSING);
  }
}
