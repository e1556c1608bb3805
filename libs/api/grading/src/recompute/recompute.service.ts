import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { ResultsRecomputeRun } from '@emis/contracts';
import { RuleSettingsService, SchoolYearsService } from '@emis/api/academic';
import { AuditService } from '@emis/api/audit';
import { Principal, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { RecomputeQueue } from './recompute.queue';
import { RecomputeRepository } from './recompute.repository';

/**
 * The department asks for a year's stored results to be recomputed after changing its rule settings
 * (docs/domain/secondary-assessment-c22.md): a background run with its progress; a request while one is queued or
 * running answers that one, and a request when the settings have not changed since the last finished run was asked
 * for answers that run (every save since computed with the same settings, so a new run would change nothing and only
 * walk the province's gradebooks again); a year whose settings were never changed from the defaults has nothing to
 * recompute (409 recompute_not_needed). A closed year is refused (409 year_closed): its results are final.
 */
@Injectable()
export class RecomputeService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: RecomputeRepository,
    private readonly years: SchoolYearsService,
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
    private readonly queue: RecomputeQueue,
    private readonly rules: RuleSettingsService,
  ) {}

  async start(actor: Principal, yearId: string): Promise<ResultsRecomputeRun> {
    const scope = await this.tree.scopeFor(actor.orgUnitId);
    for (;;) {
      const asked = await this.ask(scope, actor, yearId);
      // undefined: the run that held the year finished between two statements; ask again, in a new transaction.
      if (!asked) continue;
      if (asked.fresh) await this.queue.enqueue({ runId: asked.run.id, actor });
      return asked.run;
    }
  }

  /** One transaction of start: the run that answers, and whether it is new (to be queued once committed). */
  private ask(
    scope: Scope,
    actor: Principal,
    yearId: string,
  ): Promise<{ run: ResultsRecomputeRun; fresh: boolean } | undefined> {
    return this.db.runWithScope(scope, async (em) => {
      await this.years.assertWritable(em, yearId);
      const last = await this.repo.lastDoneRun(em, yearId);
      const { updatedAt } = await this.rules.viewWithin(em, yearId);
      if (last && (!updatedAt || new Date(updatedAt) <= new Date(last.requestedAt))) return { run: last, fresh: false };
      // Never changed from the defaults every stored result was computed with: nothing to recompute.
      if (!last && !updatedAt) throw new ProblemException(HttpStatus.CONFLICT, 'recompute_not_needed');
      const created = await this.repo.createRun(em, yearId, actor.userId);
      if (!created) {
        const active = await this.repo.activeRun(em, yearId);
        return active ? { run: active, fresh: false } : undefined;
      }
      await this.audit.record(
        em,
        {
          schoolId: actor.orgUnitId,
          entity: 'results_recompute_run',
          entityId: created.id,
          action: 'CREATE',
          after: created,
        },
        actor,
      );
      return { run: created, fresh: true };
    });
  }

  async get(actor: Principal, yearId: string, runId: string): Promise<ResultsRecomputeRun> {
    const scope = await this.tree.scopeFor(actor.orgUnitId);
    const run = await this.db.runWithScope(scope, (em) => this.repo.findRun(em, runId, yearId));
    if (!run) throw new NotFoundException();
    return run;
  }
}
