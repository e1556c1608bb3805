import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { WearRun, WearTable } from '@emis/contracts';
import { todayInVietnam, wearYearRefusal } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService, SchoolsService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { toWearRun, wearTable } from './wear-table';
import { wearTableDocument } from './wear-table.document';
import { RunRow, WearRepository } from './wear.repository';
import { WearRunQueue } from './wear-run.queue';

/**
 * The yearly wear (hao mòn) of a school's fixed assets, Circular 23/2023/TT-BTC (docs/domain/assets.md): the year's
 * table or its preview, and the runs that post it — a school's, or the province's (one school run each) — as
 * background jobs with their progress in asset_wear_run.
 */
@Injectable()
export class WearService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: WearRepository,
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
    private readonly schools: SchoolsService,
    private readonly queue: WearRunQueue,
  ) {}

  /** The year's wear table: what is posted once the year's run is done, otherwise what a run would post now. */
  async table(scope: Scope, schoolId: string, year: number): Promise<WearTable> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const posted = await this.repo.yearRunDone(em, schoolId, year);
      return wearTable(await this.repo.wearAssets(em, schoolId, year, null), year, posted);
    });
  }

  /** The year's table for a file, audited as an export of the school's books. */
  async exportTable(scope: Scope, schoolId: string, year: number): Promise<WearTable> {
    const table = await this.table(scope, schoolId, year);
    await this.db.run((em) =>
      this.audit.record(em, {
        schoolId,
        entity: 'asset_wear',
        entityId: schoolId,
        action: 'EXPORT',
        after: { year, rows: table.rows.length },
      }),
    );
    return table;
  }

  /** The year's table as the PDF the school files (Bảng tính hao mòn TSCĐ). */
  async tablePdf(scope: Scope, schoolId: string, year: number): Promise<Buffer> {
    const table = await this.exportTable(scope, schoolId, year);
    // The issuer's lines as the wear table's Excel file has them (docs/domain/records.md, "Official papers").
    const heading = await this.schools.printedHeading(scope, schoolId, '');
    return renderPdf(wearTableDocument(heading, table));
  }

  /** Queues the school's run of `year`; a run of that year already queued or running is answered instead. */
  async startSchoolRun(scope: Scope, actor: Principal, schoolId: string, year: number): Promise<WearRun> {
    assertInScope(scope, schoolId);
    refuseYear(year);
    const run = await this.db.run(async (em) => {
      const active = await this.repo.activeRun(em, schoolId, year, 'SCHOOL');
      if (active) return { run: active, fresh: false };
      const created = await this.repo.createRun(em, {
        schoolId,
        year,
        scope: 'SCHOOL',
        parentId: null,
        total: null,
        requestedBy: actor.userId,
      });
      await this.auditRun(em, created);
      return { run: created, fresh: true };
    });
    if (run.fresh) await this.queue.enqueue({ schoolId, runId: run.run.id });
    return toWearRun(run.run);
  }

  /** The department's run of `year`: one school run per school of the province, each its own job. */
  async startProvinceRun(scope: Scope, actor: Principal, year: number): Promise<WearRun> {
    refuseYear(year);
    const unitId = scope.rootId;
    // The unit in view (X-Org-Unit) must exist: the run is recorded under it.
    if (!(await this.tree.get(unitId))) throw new NotFoundException();
    const schools = (await this.tree.nodes(scope)).filter((node) => node.kind === 'SCHOOL').map((node) => node.id);
    const { province, children, fresh } = await this.db.run(async (em) => {
      const active = await this.repo.activeRun(em, unitId, year, 'PROVINCE');
      if (active) return { province: active, children: [], fresh: false };
      const created = await this.repo.createRun(em, {
        schoolId: unitId,
        year,
        scope: 'PROVINCE',
        parentId: null,
        total: schools.length,
        requestedBy: actor.userId,
      });
      const runs: RunRow[] = [];
      for (const schoolId of schools)
        runs.push(
          await this.repo.createRun(em, {
            schoolId,
            year,
            scope: 'SCHOOL',
            parentId: created.id,
            total: null,
            requestedBy: actor.userId,
          }),
        );
      await this.auditRun(em, created);
      if (schools.length === 0) await this.repo.refreshProvinceRun(em, unitId, created.id);
      return { province: created, children: runs, fresh: true };
    });
    if (fresh) {
      for (const child of children)
        await this.queue.enqueue({
          schoolId: child.schoolId,
          runId: child.id,
          province: { unitId, runId: province.id },
        });
    }
    return toWearRun(province);
  }

  async schoolRun(scope: Scope, schoolId: string, runId: string): Promise<WearRun> {
    assertInScope(scope, schoolId);
    const run = await this.db.run((em) => this.repo.findRun(em, runId, 'SCHOOL', schoolId));
    if (!run) throw new NotFoundException();
    return toWearRun(run);
  }

  async provinceRun(runId: string): Promise<WearRun> {
    const run = await this.db.run((em) => this.repo.findRun(em, runId, 'PROVINCE'));
    if (!run) throw new NotFoundException();
    return toWearRun(run);
  }

  private auditRun(em: EntityManager, run: RunRow): Promise<number> {
    return this.audit.record(em, {
      schoolId: run.schoolId,
      entity: 'asset_wear_run',
      entityId: run.id,
      action: 'CREATE',
      after: { year: run.year, scope: run.scope, total: run.total },
    });
  }
}

/** Art. 12.1.a: a year is worn in December; refused before 1 December of it, and for a year to come. */
function refuseYear(year: number): void {
  const refusal = wearYearRefusal(year, todayInVietnam());
  if (refusal === 'WEAR_YEAR_IN_FUTURE') throw new ProblemException(HttpStatus.CONFLICT, 'wear_year_in_future');
  if (refusal === 'WEAR_YEAR_NOT_DUE') throw new ProblemException(HttpStatus.CONFLICT, 'wear_year_not_due');
}
