import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { CTX, Principal, Scope } from '../context/request-context';
import { ScopeSealer, SET_SCOPE_SQL, setScopeParams } from './scope-seal';
import { prepared, sqlRow } from './sql';

/**
 * A DataSource whose every unit of work is one transaction that first hands the caller's scope to PostgreSQL through
 * emis_set_scope, signed with SCOPE_KEY (docs/adr/sealed-scope.md): PostgreSQL verifies it and keeps it in
 * transaction-local settings — which is also what Citus needs to forward the scope to shard queries
 * (docs/adr/0001-tenancy.md) — so row-level security filters every statement inside. Without a scope nothing is set
 * and every school-owned table reads as empty. TenantDb is the API's own; a second one over another pool (the
 * reporting connection, possibly a read replica) scopes its transactions with the same code.
 */
export class ScopedDb {
  constructor(
    protected readonly dataSource: DataSource,
    protected readonly cls: ClsService,
    protected readonly sealer: ScopeSealer,
    /** The request-context key of this DataSource's open transaction (one per DataSource, so they never mix). */
    protected readonly managerKey: string = CTX.manager,
  ) {}

  /** Runs `work` in a transaction scoped to the current request's caller. */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const scope = this.cls.get<Scope | undefined>(CTX.scope);
    if (!scope) throw new Error('TenantDb.run called outside an authenticated request');
    return this.runWithScope(scope, work);
  }

  /**
   * Runs `work` with an explicit scope: for steps that happen before a request has one (sign-in) or for
   * system jobs. Nested calls join the outer transaction when the scope is the same.
   */
  async runWithScope<T>(scope: Scope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.cls.isActive()
      ? this.cls.get<{ em: EntityManager; scope: Scope } | undefined>(this.managerKey)
      : undefined;
    if (outer && sameScope(outer.scope, scope)) return work(outer.em);
    const principal = this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined;
    return this.dataSource.transaction(async (em) => {
      await setScope(em, this.sealer, scope, principal?.userId ?? '');
      if (!this.cls.isActive()) return work(em);
      return this.cls.run({ ifNested: 'inherit' }, async () => {
        this.cls.set(this.managerKey, { em, scope });
        return work(em);
      });
    });
  }

  /**
   * Seals `scope` afresh inside a transaction already scoped to it: a long unit of work (a province-scale import,
   * docs/adr/province-scale-imports.md) may outlive the seal's SCOPE_SEAL_TTL_SECONDS, after which every policy
   * admits no row. The same scope, signed again; never a wider one.
   */
  async renewScope(em: EntityManager, scope: Scope): Promise<void> {
    const principal = this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined;
    await setScope(em, this.sealer, scope, principal?.userId ?? '');
  }
}

/** The only way the API reaches school-owned data: its own pool, scoped per transaction (ScopedDb). */
@Injectable()
export class TenantDb extends ScopedDb {
  constructor(dataSource: DataSource, cls: ClsService, sealer: ScopeSealer) {
    super(dataSource, cls, sealer, CTX.manager);
  }

  /**
   * Runs `work` in its own transaction sealed for one account and no school (docs/security/roles.md, "Accounts and
   * credentials"): the writes of a user's own password and second factor, made only after the API has verified the
   * user's proof (the password, the sign-in challenge, the factor in use, a signed-in session). PostgreSQL admits
   * those writes only under the seal of the account itself or of its administrator; every school-owned table reads
   * as empty in it.
   */
  asAccount<T>(userId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await setScope(em, this.sealer, NO_SCHOOL, userId);
      return work(em);
    });
  }

  /**
   * A cross-tenant workflow's second side (a transfer between two schools): runs `work` under `other` — the scope of
   * exactly the other school, never the province — inside the caller's transaction, so both sides commit or roll back
   * together, then restores the caller's scope. Explicit and audited by the caller on both sides; never a bypass.
   * Nested TenantDb calls inside `work` see `other` as the current scope.
   */
  async inOtherSchool<T>(em: EntityManager, own: Scope, other: Scope, work: () => Promise<T>): Promise<T> {
    if (other.all) throw new Error('inOtherSchool takes the scope of one school, not the province');
    const principal = this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined;
    const userId = principal?.userId ?? '';
    await setScope(em, this.sealer, other, userId);
    const active = this.cls.isActive();
    if (active) this.cls.set(CTX.manager, { em, scope: other });
    try {
      return await work();
    } finally {
      if (active) this.cls.set(CTX.manager, { em, scope: own });
      await setScope(em, this.sealer, own, userId);
    }
  }
}

const NO_SCHOOL: Scope = { rootId: '', all: false, orgUnitIds: [] };

/** The first statement of every transaction: prepared once per connection (docs/adr/sql-by-hand.md). */
const SET_SCOPE = prepared(SET_SCOPE_SQL);

async function setScope(em: EntityManager, sealer: ScopeSealer, scope: Scope, userId: string): Promise<void> {
  await sqlRow(em, SET_SCOPE, setScopeParams(sealer.sign(scope, userId)));
}

function sameScope(a: Scope, b: Scope): boolean {
  return (
    a.all === b.all &&
    a.rootId === b.rootId &&
    a.orgUnitIds.length === b.orgUnitIds.length &&
    (a.closedIds?.length ?? 0) === (b.closedIds?.length ?? 0)
  );
}
