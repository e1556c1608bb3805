import { Injectable } from '@nestjs/common';
import type { AssetDetail, AssetInput, AssetSummary, AssetUpdate, Page } from '@emis/contracts';
import { AssetKind, classifyAsset, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  likePatterns,
  RawFieldError,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetDetails, summaryOf } from '../asset-details';
import { AssetHistory } from '../asset-history.repository';
import {
  ASSET_SORT_COLUMNS,
  AssetEditableFields,
  AssetFields,
  AssetFilter,
  AssetRecord,
  AssetsRepository,
} from '../assets.repository';
import { AssetsEvents } from '../assets-events';
import { AssetLock } from '../movements/asset-lock';
import { AssetListQueryDto } from './register.dto';
import { originalCostOf, registerFieldErrors } from './register-rules';

/** The prefix of proposed codes: TS (tài sản cố định) for fixed assets, CC (công cụ, dụng cụ) for tools. */
const CODE_PREFIX: Record<AssetKind, string> = { FIXED: 'TS', TOOL: 'CC' };

/** The register: list, look, register, edit (Circular 23/2023/TT-BTC; docs/domain/assets.md). */
@Injectable()
export class RegisterService {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly details: AssetDetails,
    private readonly lock: AssetLock,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async list(scope: Scope, schoolId: string, query: AssetListQueryDto): Promise<Page<AssetSummary>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, ASSET_SORT_COLUMNS, 'code');
    return this.db.run(async (em) => {
      const { items, total } = await this.assets.list(em, schoolId, filterOf(query), paging);
      return toPage(items.map(summaryOf), total, paging);
    });
  }

  /** The filtered list, whole and in the list's order, for the Excel export. */
  async exportRows(scope: Scope, schoolId: string, query: AssetListQueryDto): Promise<AssetRecord[]> {
    assertInScope(scope, schoolId);
    const { orderBy } = toSqlPaging(query, ASSET_SORT_COLUMNS, 'code');
    return this.db.run(async (em) => (await this.assets.list(em, schoolId, filterOf(query), null, orderBy)).items);
  }

  async detail(scope: Scope, schoolId: string, assetId: string): Promise<AssetDetail> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.details.load(em, schoolId, assetId));
  }

  /**
   * Registers an asset. Its kind follows from the unit cost and the province's threshold (Art. 3.2, 3.3); its code is
   * the one given, or the next free TS-/CC- number of the school.
   */
  async create(scope: Scope, schoolId: string, input: AssetInput): Promise<AssetDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const fields = await this.registration(em, schoolId, input);
      const at = new Date();
      const id = await this.assets.insert(em, schoolId, fields, at);
      await this.history.record(em, schoolId, id, 'REGISTERED', fields.inUseOn, {
        code: fields.code,
        kind: fields.kind,
        quantity: fields.quantity,
        unitCost: fields.unitCost,
        cost: fields.originalCost,
        fundingSource: fields.fundingSource,
        documentNumber: fields.documentNumber,
      });
      const after = await this.details.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset',
        entityId: id,
        action: 'CREATE',
        after: recordOf(after),
      });
      await this.events.publishAssetsChanged(em, schoolId, id);
      return after;
    });
  }

  /**
   * Saves a PATCH if nobody changed the asset since `update.version`, through the gate every change of an asset passes
   * (still on the books, not waiting for another school). The kind, quantity and money are not edited here: a cost
   * change, a disposal or an inventory changes them, each with its own history line.
   */
  async update(scope: Scope, schoolId: string, assetId: string, update: AssetUpdate): Promise<AssetDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lock.forMovement(em, schoolId, assetId, update.version);
      const fields = merged(before, update);
      await this.validate(em, schoolId, fields, before, assetId);
      const at = new Date();
      await this.assets.update(em, schoolId, assetId, fields, at);
      await this.recordChanges(em, schoolId, before, fields);
      const after = await this.details.load(em, schoolId, assetId);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset',
        entityId: assetId,
        action: 'UPDATE',
        before: recordOf(before),
        after: recordOf(after),
      });
      await this.events.publishAssetsChanged(em, schoolId, assetId);
      return after;
    });
  }

  /** The history lines of an edit: what changed, and a move or a status change in lines of their own. */
  private async recordChanges(
    em: EntityManager,
    schoolId: string,
    before: AssetRecord,
    after: AssetEditableFields,
  ): Promise<void> {
    const changed = changedFields(before, after);
    const today = todayInVietnam();
    if (!changed.length) return;
    await this.history.record(em, schoolId, before.id, 'UPDATED', today, { changed });
    const from = before.location?.id ?? null;
    if (from !== after.locationId)
      await this.history.record(em, schoolId, before.id, 'MOVED', today, { from, to: after.locationId });
    if (before.status !== after.status)
      await this.history.record(em, schoolId, before.id, 'STATUS_CHANGED', today, {
        from: before.status,
        to: after.status,
      });
  }

  /** The stored fields of a registration, checked: field rules, the category, the room, a free code. */
  private async registration(em: EntityManager, schoolId: string, input: AssetInput): Promise<AssetFields> {
    const threshold = await this.assets.fixedAssetThreshold(em);
    const kind = classifyAsset(input.unitCost, threshold);
    const category = await this.assets.category(em, input.categoryCode);
    const base = {
      name: input.name,
      categoryCode: input.categoryCode,
      kind,
      quantity: input.quantity,
      unit: input.unit,
      unitCost: input.unitCost,
      originalCost: originalCostOf(input.unitCost, input.quantity) ?? 0,
      fundingSource: input.fundingSource,
      inUseOn: input.inUseOn,
      documentNumber: input.documentNumber ?? null,
      documentDate: input.documentDate ?? null,
      locationId: input.locationId ?? null,
      responsible: input.responsible ?? null,
      condition: input.condition ?? 'GOOD',
      status: 'IN_USE' as const,
      openingWear: input.openingWear ?? 0,
      openingWearYear: input.openingWearYear ?? null,
      note: input.note ?? null,
    };
    const errors = registerFieldErrors({ ...base, worn: category?.worn ?? true }, todayInVietnam());
    if (!category) errors.push({ field: 'categoryCode', rule: 'unknownAssetCategory', args: [] });
    errors.push(...(await this.placeErrors(em, schoolId, base.locationId, input.code, null)));
    if (errors.length) throw new ValidationProblem(errors);
    return { ...base, code: input.code ?? (await this.assets.nextCode(em, schoolId, CODE_PREFIX[kind])) };
  }

  private async validate(
    em: EntityManager,
    schoolId: string,
    fields: AssetEditableFields,
    before: AssetRecord,
    selfId: string,
  ): Promise<void> {
    const category =
      fields.categoryCode === before.categoryCode
        ? before.category
        : await this.assets.category(em, fields.categoryCode);
    const errors = registerFieldErrors(
      { ...before, ...fields, worn: category?.worn ?? true, openingWear: before.openingWear },
      todayInVietnam(),
    );
    if (!category) errors.push({ field: 'categoryCode', rule: 'unknownAssetCategory', args: [] });
    // A loan ends by its return, which puts the asset back in use.
    if (before.status === 'LENT' && fields.status !== 'LENT')
      errors.push({ field: 'status', rule: 'assetLentStatus', args: [] });
    errors.push(...(await this.placeErrors(em, schoolId, fields.locationId, fields.code, selfId)));
    if (errors.length) throw new ValidationProblem(errors);
  }

  /** The room must be one of the school's; the code must be free in the school. */
  private async placeErrors(
    em: EntityManager,
    schoolId: string,
    locationId: string | null,
    code: string | undefined,
    selfId: string | null,
  ): Promise<RawFieldError[]> {
    const errors: RawFieldError[] = [];
    if (locationId && !(await this.assets.locationExists(em, schoolId, locationId)))
      errors.push({ field: 'locationId', rule: 'unknownAssetLocation', args: [] });
    const holder = code === undefined ? undefined : await this.assets.codeHolder(em, schoolId, code);
    if (holder && holder !== selfId) errors.push({ field: 'code', rule: 'assetCodeTaken', args: [code] });
    return errors;
  }
}

function filterOf(query: AssetListQueryDto): AssetFilter {
  return {
    q: query.q?.trim() ? likePatterns(query.q) : undefined,
    assetClass: query.assetClass,
    kind: query.kind,
    status: query.status,
    locationId: query.locationId,
    fundingSource: query.fundingSource,
  };
}

/** A PATCH changes only what it names; null clears an optional field and leaves a required one as it was. */
function merged(before: AssetRecord, update: AssetUpdate): AssetEditableFields {
  const pick = <K extends keyof AssetEditableFields & keyof AssetUpdate>(key: K, current: AssetEditableFields[K]) => {
    const sent = update[key];
    return (sent === undefined ? current : sent) as AssetEditableFields[K];
  };
  const required = <K extends keyof AssetEditableFields & keyof AssetUpdate>(key: K, current: AssetEditableFields[K]) =>
    (update[key] ?? current) as AssetEditableFields[K];
  return {
    code: required('code', before.code),
    name: required('name', before.name),
    categoryCode: required('categoryCode', before.categoryCode),
    unit: required('unit', before.unit),
    fundingSource: required('fundingSource', before.fundingSource),
    inUseOn: required('inUseOn', before.inUseOn),
    documentNumber: pick('documentNumber', before.documentNumber),
    documentDate: pick('documentDate', before.documentDate),
    locationId: pick('locationId', before.location?.id ?? null),
    responsible: pick('responsible', before.responsible),
    condition: required('condition', before.condition),
    status: required('status', before.status),
    openingWearYear: pick('openingWearYear', before.openingWearYear),
    note: pick('note', before.note),
  };
}

/** The names of the fields an edit changed, for the history line. */
function changedFields(before: AssetRecord, after: AssetEditableFields): string[] {
  const was: AssetEditableFields = { ...before, locationId: before.location?.id ?? null };
  return (Object.keys(after) as (keyof AssetEditableFields)[]).filter((k) => was[k] !== after[k]);
}

/** What the audit keeps of an asset: the register row without the lists of its record page. */
function recordOf(a: AssetRecord | AssetDetail): Record<string, unknown> {
  const { history: _h, wear: _w, attachments: _a, openLoan: _l, pendingTransfer: _t, ...row } = a as AssetDetail;
  return row;
}
