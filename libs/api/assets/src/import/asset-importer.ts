import { IMPORT_MAX_ROWS } from '@emis/contracts';
import { AssetKind, classifyAsset, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { assertInScope, Scope, TenantDb } from '@emis/api/platform';
import {
  buildTemplate,
  CellErrors,
  Download,
  FieldReader,
  ImportCounts,
  Importer,
  ImportJobContext,
  ImportLayout,
  ImportRegistry,
  labelKey,
  SheetRow,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { AssetsEvents } from '../assets-events';
import { AssetsRepository } from '../assets.repository';
import {
  AssetEventWrite,
  AssetImportRepository,
  AssetWrite,
  ExistingAsset,
  locationKey,
} from './asset-import.repository';
import { assetLayout } from './asset-layout';
import { AssetMatcher, changedDescriptions, checkAgainstRegister, checkKind, flagRepeats } from './asset-matching';
import { AssetRow, readAssetRow } from './asset-rows';

export interface AssetImportTarget {
  layout: ImportLayout;
  /** Category codes by normalised name and by code. */
  categories: Map<string, string>;
  worn: Map<string, boolean>;
  threshold: number;
}

/** The audit trail's name of a register record. */
const ASSET_ENTITY = 'asset';

/** Codes the register proposes for rows without one: fixed assets and tools keep separate series. */
const CODE_PREFIX: Record<AssetKind, string> = { FIXED: 'TS', TOOL: 'CC' };

/**
 * The asset list import (kind ASSETS), run by the one import runner: registers the assets of a school's paper books,
 * with the wear they already carry, and on a re-import updates what describes them (docs/domain/assets.md).
 */
@Injectable()
export class AssetImporter implements Importer<AssetImportTarget, AssetRow>, OnModuleInit {
  readonly kind = 'ASSETS';
  readonly permission = 'assets.manage';
  readonly maxRows = IMPORT_MAX_ROWS;
  readonly headerRow = 1;
  readonly messages = { noRows: 'Tệp không có tài sản nào dưới dòng tiêu đề' };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly repo: AssetImportRepository,
    private readonly register: AssetsRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
    private readonly events: AssetsEvents,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async template(scope: Scope, schoolId: string): Promise<Download> {
    assertInScope(scope, schoolId);
    const { layout } = await this.db.run((em) => this.open(em));
    return { fileName: layout.templateFileName, file: await buildTemplate(layout, []) };
  }

  /** The province's categories and threshold; assets.manage, re-checked by the runner, is the only access rule. */
  async open(em: EntityManager): Promise<AssetImportTarget> {
    const categories = await this.repo.categories(em);
    return {
      layout: assetLayout(categories.map((c) => c.nameVi)),
      categories: new Map(
        categories.flatMap((c) => [
          [labelKey(c.nameVi), c.code],
          [labelKey(c.code), c.code],
        ]),
      ),
      worn: new Map(categories.map((c) => [c.code, c.worn])),
      threshold: await this.register.fixedAssetThreshold(em),
    };
  }

  layout(target: AssetImportTarget): ImportLayout {
    return target.layout;
  }

  readRow(source: SheetRow, errors: CellErrors, target: AssetImportTarget): AssetRow | null {
    return readAssetRow(new FieldReader(source, errors), (word) => target.categories.get(labelKey(word)));
  }

  async checkRows(
    em: EntityManager,
    { schoolId }: ImportJobContext,
    rows: AssetRow[],
    target: AssetImportTarget,
    errors: CellErrors,
  ): Promise<void> {
    flagRepeats(rows, errors);
    const matcher = new AssetMatcher(await this.existing(em, schoolId, rows));
    for (const row of rows) {
      checkKind(row, this.kindOf(row, target), target.worn.get(row.categoryCode) ?? true, target.threshold, errors);
      const found = matcher.match(row);
      if (found) checkAgainstRegister(row, found, errors);
    }
  }

  async commit(
    em: EntityManager,
    { schoolId, actor, jobId }: ImportJobContext,
    rows: AssetRow[],
    target: AssetImportTarget,
  ): Promise<ImportCounts> {
    const at = new Date();
    const { fresh, changed } = partition(rows, new AssetMatcher(await this.existing(em, schoolId, rows)));
    const created = await this.codesFor(em, schoolId, fresh, target);
    const locationIds = await this.repo.locations(em, schoolId, placesOf([...fresh, ...changed.map((c) => c.row)]));
    const ids = await this.repo.insert(em, schoolId, created, locationIds, at);
    await this.repo.updateDescriptions(
      em,
      schoolId,
      changed.map((c) => ({ id: c.before.id, row: c.row })),
      locationIds,
      at,
    );
    await this.repo.events(em, schoolId, eventsOf(created, changed, ids, jobId), actor.userId, at);
    // New assets change the department's totals; a description (name, room, keeper) does not.
    if (created.length) await this.events.publishAssetsChanged(em, schoolId);
    await this.audit.recordMany(em, schoolId, auditOf(created, changed, ids), actor, at);
    return {
      created: created.length,
      updated: changed.length,
      unchanged: rows.length - created.length - changed.length,
    };
  }

  private kindOf(row: AssetRow, target: AssetImportTarget): AssetKind {
    return classifyAsset(row.unitCost, target.threshold);
  }

  private existing(em: EntityManager, schoolId: string, rows: AssetRow[]): Promise<ExistingAsset[]> {
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    const names = rows.flatMap((r) => (r.code ? [] : [r.name]));
    return this.repo.existing(em, schoolId, codes, names);
  }

  /**
   * The file's own code, or the next free one of the kind's series: the register's proposal (taken under its lock, so
   * a registration on screen meanwhile waits), continued past the codes of the file itself.
   */
  private async codesFor(
    em: EntityManager,
    schoolId: string,
    rows: AssetRow[],
    target: AssetImportTarget,
  ): Promise<AssetWrite[]> {
    if (!rows.length) return [];
    const last = new Map<string, number>();
    for (const prefix of Object.values(CODE_PREFIX)) {
      const proposed = await this.register.nextCode(em, schoolId, prefix);
      last.set(prefix, Math.max(numberIn(proposed, prefix) - 1, ...rows.map((r) => numberIn(r.code, prefix))));
    }
    return rows.map((row) => {
      const kind = this.kindOf(row, target);
      if (row.code) return { row, code: row.code, kind };
      const next = last.get(CODE_PREFIX[kind])! + 1;
      last.set(CODE_PREFIX[kind], next);
      return { row, code: `${CODE_PREFIX[kind]}-${String(next).padStart(4, '0')}`, kind };
    });
  }
}

/** The number of a code of the series `<prefix>-NNNN`, else 0. */
function numberIn(code: string | null, prefix: string): number {
  const match = code ? new RegExp(`^${prefix}-(\\d{1,9})$`).exec(code) : null;
  return match ? Number(match[1]) : 0;
}

interface DescriptionChange {
  before: ExistingAsset;
  row: AssetRow;
  fields: string[];
}

/** The rows naming no asset of the register, and those whose description differs from the asset they name. */
function partition(rows: AssetRow[], matcher: AssetMatcher): { fresh: AssetRow[]; changed: DescriptionChange[] } {
  const fresh: AssetRow[] = [];
  const changed: DescriptionChange[] = [];
  for (const row of rows) {
    const before = matcher.match(row);
    if (before === 'AMBIGUOUS') throw new Error(`row ${row.row} fits several assets after its check`);
    if (!before) fresh.push(row);
    else {
      const fields = changedDescriptions(before, row);
      if (fields.length) changed.push({ before, row, fields });
    }
  }
  return { fresh, changed };
}

function auditOf(created: AssetWrite[], changed: DescriptionChange[], ids: Map<string, string>) {
  return [
    ...created.map((w) => ({
      entity: ASSET_ENTITY,
      entityId: ids.get(w.code)!,
      action: 'CREATE' as const,
      before: null,
      after: recordOf(w),
    })),
    ...changed.map(({ before: { id, status: _status, ...before }, row }) => ({
      entity: ASSET_ENTITY,
      entityId: id,
      action: 'UPDATE' as const,
      before,
      after: recordOf({ row, code: before.code, kind: null }),
    })),
  ];
}

function placesOf(rows: AssetRow[]): { building: string; room: string }[] {
  const places = new Map<string, { building: string; room: string }>();
  for (const { building, room } of rows)
    if (building && room) places.set(locationKey(building, room), { building, room });
  return [...places.values()];
}

/** Registration of the new assets on the day put into use; an update for those whose description changed. */
function eventsOf(
  created: AssetWrite[],
  changed: DescriptionChange[],
  ids: Map<string, string>,
  jobId: string,
): AssetEventWrite[] {
  return [
    ...created.map((w) => ({
      assetId: ids.get(w.code)!,
      kind: 'REGISTERED' as const,
      effectiveOn: w.row.inUseOn,
      details: { source: 'IMPORT', importJobId: jobId, openingWear: w.row.openingWear },
    })),
    ...changed.map((c) => ({
      assetId: c.before.id,
      kind: 'UPDATED' as const,
      effectiveOn: todayInVietnam(),
      details: { source: 'IMPORT', importJobId: jobId, fields: c.fields },
    })),
  ];
}

function recordOf(w: { row: AssetRow; code: string; kind: AssetKind | null }) {
  const { row: _row, code: _code, ...fields } = w.row;
  return { code: w.code, ...(w.kind ? { kind: w.kind } : {}), ...fields };
}
