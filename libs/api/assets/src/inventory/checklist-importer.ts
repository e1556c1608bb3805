import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { AssetCondition, countErrors } from '@emis/domain';
import { problemTitle, ProblemException } from '@emis/api/platform';
import {
  CellErrors,
  FieldReader,
  ImportCounts,
  ImportFailure,
  Importer,
  ImportJobContext,
  ImportLayout,
  ImportRegistry,
  SheetRow,
  UploadedSheetView,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import {
  assertIdentity,
  CHECKLIST_HEADER_ROW,
  CHECKLIST_IMPORT_LAYOUT,
  CHECKLIST_MAX_ROWS,
  MAX_COUNT,
} from './checklist.layout';
import { ASSET_CONDITION_VI } from '../asset-words';
import { CountingLine, InventoryRepository } from './inventory.repository';
import { InventoryService } from './inventory.service';

/** The inventory the job counts into, as it was when the job started. */
interface OpenInventory {
  id: string;
  title: string;
  lines: Map<string, CountingLine>;
}

interface CountRow {
  row: number;
  lineId: string;
  countedQuantity: number | null;
  condition: AssetCondition | null;
  note: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RULE_WORDS: Record<string, string> = {
  countNotNatural: 'Phải là số nguyên không âm',
  fixedAssetCountedTwice: 'Tài sản cố định chỉ đếm 0 hoặc 1; tài sản thứ hai tìm thấy hãy ghi là tài sản thừa',
};

/**
 * Imports a filled-in inventory checklist (kind ASSET_INVENTORY), run by the one import runner like the lists:
 * every row is checked first; any wrong cell → nothing written and the same workbook handed back with the bad cells
 * marked. A row with an empty "SL thực tế" is left as it is; the others are saved as counts of their lines in one
 * transaction, each audited like a count on screen. The same file twice changes nothing the second time.
 */
@Injectable()
export class ChecklistImporter implements Importer<OpenInventory, CountRow>, OnModuleInit {
  readonly kind = 'ASSET_INVENTORY';
  readonly permission = 'assets.manage';
  readonly maxRows = CHECKLIST_MAX_ROWS;
  readonly headerRow = CHECKLIST_HEADER_ROW;
  readonly messages = {
    noRows: 'Tệp không có dòng tài sản nào dưới dòng tiêu đề',
    tooManyRows: `Tệp có quá nhiều dòng: một phiếu kiểm kê có tối đa ${CHECKLIST_MAX_ROWS} dòng`,
  };
  readonly uniqueColumn = { key: 'lineId' as const, label: 'Mã dòng' };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly inventories: InventoryService,
    private readonly repo: InventoryRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async open(em: EntityManager, job: ImportJobContext): Promise<OpenInventory> {
    const id = inventoryIdOf(job.params);
    const head = await asFailure(() => this.inventories.openForCounting(em, job.schoolId, id));
    const lines = await this.repo.countingLines(em, job.schoolId, id);
    return { id, title: head.title, lines: new Map(lines.map((l) => [l.id, l])) };
  }

  layout(): ImportLayout {
    return CHECKLIST_IMPORT_LAYOUT;
  }

  checkIdentity(file: UploadedSheetView, inventory: OpenInventory): void {
    assertIdentity(file, inventory.id, inventory.title);
  }

  readRow(source: SheetRow, errors: CellErrors, inventory: OpenInventory): CountRow | null {
    const f = new FieldReader(source, errors);
    const lineId = f.text('lineId', true);
    const line = lineId && UUID.test(lineId) ? inventory.lines.get(lineId.toLowerCase()) : undefined;
    if (lineId && !line) f.fail('lineId', 'Không phải một dòng của đợt kiểm kê này; hãy giữ nguyên cột "Mã dòng"');
    const countedQuantity = f.number('countedQuantity', { min: 0, max: MAX_COUNT, decimals: 0 });
    const condition = f.choice('condition', ASSET_CONDITION_VI);
    const note = f.text('note');
    if (!line) return null;
    if (countedQuantity === null && !f.has('countedQuantity') && (condition || note))
      return f.fail('countedQuantity', 'Nhập số lượng thực tế cho dòng có tình trạng hoặc ghi chú');
    for (const rule of countedQuantity === null ? [] : countErrors(line.kind, countedQuantity))
      f.fail('countedQuantity', RULE_WORDS[rule] ?? rule);
    return { row: source.row, lineId: line.id, countedQuantity, condition, note };
  }

  /** The inventory must still be open when the rows are written (it may have been closed since the upload). */
  async commit(
    em: EntityManager,
    job: ImportJobContext,
    rows: CountRow[],
    inventory: OpenInventory,
  ): Promise<ImportCounts> {
    await asFailure(() => this.inventories.openForCounting(em, job.schoolId, inventory.id));
    const current = new Map((await this.repo.countingLines(em, job.schoolId, inventory.id)).map((l) => [l.id, l]));
    let updated = 0;
    for (const r of rows) {
      const line = current.get(r.lineId);
      if (!line || r.countedQuantity === null || unchanged(line, r)) continue;
      await this.inventories.saveCount(em, job.actor, job.schoolId, inventory.id, line, {
        countedQuantity: r.countedQuantity,
        condition: r.condition ?? line.condition,
        note: r.note ?? line.note,
      });
      updated++;
    }
    return { created: 0, updated, unchanged: rows.length - updated };
  }
}

function unchanged(line: CountingLine, r: CountRow): boolean {
  return (
    line.countedQuantity === r.countedQuantity &&
    (r.condition === null || r.condition === line.condition) &&
    (r.note === null || r.note === line.note)
  );
}

function inventoryIdOf(params: Record<string, unknown>): string {
  if (typeof params['inventoryId'] !== 'string') throw new Error('an inventory import job without its inventory');
  return params['inventoryId'];
}

/** A refusal of the API (the inventory gone or no longer open) fails the job with the API's own words. */
async function asFailure<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ProblemException)
      throw new ImportFailure(`${problemTitle(error.code, 'vi')}; không có dòng nào được ghi.`);
    if (error instanceof HttpException)
      throw new ImportFailure(`${problemTitle('not_found', 'vi')}: đợt kiểm kê; không có dòng nào được ghi.`);
    throw error;
  }
}
