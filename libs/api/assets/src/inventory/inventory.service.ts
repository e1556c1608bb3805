import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  AssetInventory,
  ImportJob,
  InventoryLine,
  InventoryLineInput,
  InventoryOpenInput,
  InventorySurplusInput,
} from '@emis/contracts';
import { countErrors } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { ImportsService, UploadedWorkbook } from '@emis/api/spreadsheets';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AssetsRepository } from '../assets.repository';
import { CountingLine, InventoryHead, InventoryRepository } from './inventory.repository';

/** What a surplus line is registered as when the committee does not say (the appendix's "other tangible assets"). */
export const SURPLUS_DEFAULTS = { categoryCode: 'OTHER_TANGIBLE', unit: 'cái' } as const;

/** A QR label holds the asset page's URL, …/assets/<id>; a scanner types it into the code field. */
const LABEL_URL = /\/assets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/**
 * The annual inventory (kiểm kê) of a school, up to its sign-off: opened with a line for every asset on the books,
 * counted line by line, by scanning labels or from the filled-in checklist, with surplus lines for what was found on
 * no record, then closed by the committee. Counting changes no asset: differences become movements only when the
 * head approves (InventoryApprovalService).
 */
@Injectable()
export class InventoryService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: InventoryRepository,
    private readonly assets: AssetsRepository,
    private readonly audit: AuditService,
    private readonly imports: ImportsService,
  ) {}

  async open(scope: Scope, schoolId: string, input: InventoryOpenInput): Promise<AssetInventory> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const id = await asOpenConflict(() => this.repo.insert(em, schoolId, input));
      const lines = await this.repo.addBookLines(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset_inventory',
        entityId: id,
        action: 'CREATE',
        after: { ...input, lines },
      });
      return (await this.repo.summary(em, schoolId, id))!;
    });
  }

  async list(scope: Scope, schoolId: string): Promise<AssetInventory[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.repo.list(em, schoolId));
  }

  /** The inventory with its lines, of one room when `locationId` is given. */
  async detail(scope: Scope, schoolId: string, id: string, locationId?: string): Promise<AssetInventory> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const inventory = await this.repo.summary(em, schoolId, id);
      if (!inventory) throw new NotFoundException();
      return { ...inventory, lines: await this.repo.lines(em, schoolId, id, locationId) };
    });
  }

  async countLine(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    lineId: string,
    input: InventoryLineInput,
  ): Promise<InventoryLine> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.openForCounting(em, schoolId, id);
      const line = await this.repo.countingLine(em, schoolId, id, lineId);
      if (!line) throw new NotFoundException();
      assertCount(line, input.countedQuantity);
      return this.saveCount(em, actor, schoolId, id, line, {
        countedQuantity: input.countedQuantity,
        condition: input.condition === undefined ? line.condition : input.condition,
        note: input.note === undefined ? line.note : input.note,
      });
    });
  }

  /** One more of the scanned asset on its line (the code typed, or the label's URL read by a scanner). */
  async scan(scope: Scope, actor: Principal, schoolId: string, id: string, code: string): Promise<InventoryLine> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.openForCounting(em, schoolId, id);
      const fromLabel = LABEL_URL.exec(code.trim());
      const line = await this.repo.lineOfAsset(
        em,
        schoolId,
        id,
        fromLabel ? { assetId: fromLabel[1].toLowerCase() } : { code: code.trim() },
      );
      if (!line) throw new ProblemException(HttpStatus.NOT_FOUND, 'inventory_asset_not_listed', undefined, { code });
      const counted = (line.countedQuantity ?? 0) + 1;
      // A fixed asset is one item: scanning its label again is a repeat, not a second one found.
      if (countErrors(line.kind, counted).length)
        throw new ProblemException(HttpStatus.CONFLICT, 'inventory_already_counted', undefined, { lineId: line.id });
      return this.saveCount(em, actor, schoolId, id, line, {
        countedQuantity: counted,
        condition: line.condition,
        note: line.note,
      });
    });
  }

  /** Something found that is on no record: a line of its own, registered as an asset if the head approves. */
  async addSurplus(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    input: InventorySurplusInput,
  ): Promise<InventoryLine> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.openForCounting(em, schoolId, id);
      const surplus = {
        description: input.description,
        quantity: input.quantity,
        locationId: input.locationId ?? null,
        unitCost: input.unitCost ?? 0,
        categoryCode: input.categoryCode ?? SURPLUS_DEFAULTS.categoryCode,
        unit: input.unit ?? SURPLUS_DEFAULTS.unit,
        condition: input.condition ?? null,
        note: input.note ?? null,
      };
      await this.assertSurplus(em, schoolId, surplus);
      const lineId = await this.repo.addSurplus(em, schoolId, id, surplus, actor.userId);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset_inventory',
        entityId: id,
        action: 'UPDATE',
        after: { surplusLineId: lineId, ...surplus },
      });
      return (await this.repo.line(em, schoolId, id, lineId))!;
    });
  }

  /** The committee signs off: counting ends, the report can be printed, the head may approve. */
  async close(scope: Scope, schoolId: string, id: string, committee: string[]): Promise<AssetInventory> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.openForCounting(em, schoolId, id);
      await this.repo.close(em, schoolId, id, committee);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset_inventory',
        entityId: id,
        action: 'UPDATE',
        before: { status: before.status },
        after: { status: 'CLOSED', committee },
      });
      return (await this.repo.summary(em, schoolId, id))!;
    });
  }

  /** Checks the inventory is open now, then queues the file; the job checks again when it runs and when it writes. */
  async uploadChecklist(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    file: UploadedWorkbook | undefined,
  ): Promise<ImportJob> {
    assertInScope(scope, schoolId);
    await this.db.run((em) => this.openForCounting(em, schoolId, id));
    return this.imports.upload(scope, actor, schoolId, 'ASSET_INVENTORY', file, { inventoryId: id });
  }

  /** The inventory locked, and still open: a closed or approved one is no longer counted. */
  async openForCounting(em: EntityManager, schoolId: string, id: string): Promise<InventoryHead> {
    const head = await this.repo.lockHead(em, schoolId, id);
    if (!head) throw new NotFoundException();
    if (head.status !== 'OPEN')
      throw new ProblemException(HttpStatus.CONFLICT, 'inventory_not_open', undefined, {
        inventoryStatus: head.status,
      });
    return head;
  }

  /** Saves a line's count, audited with the count before; answers the line as the lists show it. */
  async saveCount(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    id: string,
    line: CountingLine,
    count: { countedQuantity: number; condition: CountingLine['condition']; note: string | null },
  ): Promise<InventoryLine> {
    await this.repo.count(em, schoolId, line.id, count, actor.userId);
    await this.audit.record(em, {
      schoolId,
      entity: 'asset_inventory',
      entityId: id,
      action: 'UPDATE',
      before: { lineId: line.id, countedQuantity: line.countedQuantity, condition: line.condition, note: line.note },
      after: { lineId: line.id, ...count },
    });
    return (await this.repo.line(em, schoolId, id, line.id))!;
  }

  /** The room is the school's, the category exists, and a fixed asset found is registered one per record. */
  private async assertSurplus(
    em: EntityManager,
    schoolId: string,
    s: { quantity: number; locationId: string | null; unitCost: number; categoryCode: string },
  ): Promise<void> {
    const errors: RawFieldError[] = [];
    if (s.locationId && !(await this.assets.locationExists(em, schoolId, s.locationId)))
      errors.push({ field: 'locationId', rule: 'unknownAssetLocation', args: [] });
    if (!(await this.assets.category(em, s.categoryCode)))
      errors.push({ field: 'categoryCode', rule: 'unknownAssetCategory', args: [] });
    if (s.quantity > 1 && s.unitCost >= (await this.assets.fixedAssetThreshold(em)))
      errors.push({ field: 'quantity', rule: 'fixedAssetQuantity', args: [] });
    if (errors.length) throw new ValidationProblem(errors);
  }
}

/** The domain's count rules as a field error of the request (a fixed asset counts 0 or 1). */
export function assertCount(line: CountingLine, countedQuantity: number): void {
  const rules = countErrors(line.kind, countedQuantity);
  if (rules.length) throw new ValidationProblem(rules.map((rule) => ({ field: 'countedQuantity', rule, args: [] })));
}

/** The partial unique index allows one OPEN inventory per school: a second one is a conflict, not a failure. */
async function asOpenConflict<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
      throw new ProblemException(HttpStatus.CONFLICT, 'inventory_already_open');
    throw error;
  }
}
