import { Injectable, OnModuleInit } from '@nestjs/common';
import type { TuitionLevel } from '@emis/contracts';
import { FeeArea, SchoolLevel } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
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
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { FEE_AREA_VI, SCHOOL_LEVEL_VI } from '../finance-words';
import { MAX_FEE_AMOUNT } from './finance-config.dto';
import { FinanceConfigRepository, FinanceYear } from './finance-config.repository';
import { TUITION_LEVELS_LAYOUT, TUITION_LEVELS_MAX_ROWS } from './tuition-levels.workbook';

interface LevelRow {
  row: number;
  schoolLevel: SchoolLevel;
  area: FeeArea;
  monthlyAmount: number;
  privateSupportMonthly: number;
}

const AMOUNT = { min: 0, max: MAX_FEE_AMOUNT, decimals: 0 };

/**
 * The province's tuition table from Excel (kind FINANCE_TUITION_LEVELS), run by the one import runner as a job of the
 * department's own org unit: every row is checked first; the rows then set their level and area of the year, the
 * others keep theirs. Audited in the department's chain like a change on screen.
 */
@Injectable()
export class TuitionLevelsImporter implements Importer<FinanceYear, LevelRow>, OnModuleInit {
  readonly kind = 'FINANCE_TUITION_LEVELS';
  readonly permission = 'finance.configure';
  readonly maxRows = TUITION_LEVELS_MAX_ROWS;
  readonly headerRow = 1;
  readonly messages = { noRows: 'Tệp không có mức học phí nào dưới dòng tiêu đề' };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly repo: FinanceConfigRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async open(em: EntityManager, job: ImportJobContext): Promise<FinanceYear> {
    const yearId = job.params['schoolYearId'];
    const year = typeof yearId === 'string' ? await this.repo.year(em, yearId) : undefined;
    if (!year) throw new ImportFailure('Năm học của bảng mức học phí không còn tồn tại; không có dòng nào được ghi.');
    return year;
  }

  layout(): ImportLayout {
    return TUITION_LEVELS_LAYOUT;
  }

  readRow(source: SheetRow, errors: CellErrors): LevelRow | null {
    const f = new FieldReader(source, errors);
    const schoolLevel = f.choice('schoolLevel', SCHOOL_LEVEL_VI, true);
    const area = f.choice('area', FEE_AREA_VI, true);
    const monthlyAmount = f.has('monthlyAmount')
      ? f.number('monthlyAmount', AMOUNT)
      : f.fail('monthlyAmount', 'Bắt buộc nhập');
    const privateSupportMonthly =
      f.number('privateSupportMonthly', AMOUNT) ?? (f.has('privateSupportMonthly') ? null : 0);
    if (!schoolLevel || !area || monthlyAmount === null || privateSupportMonthly === null) return null;
    return { row: source.row, schoolLevel, area, monthlyAmount, privateSupportMonthly };
  }

  /** A level and area written twice: the later row is marked, naming the first. */
  async checkRows(
    _em: EntityManager,
    _job: ImportJobContext,
    rows: LevelRow[],
    _year: FinanceYear,
    errors: CellErrors,
  ): Promise<void> {
    const first = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.schoolLevel}|${r.area}`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, r.row);
      else errors.at(r.row, 'area', `Cấp học và khu vực này đã có ở dòng ${earlier}`);
    }
  }

  async commit(em: EntityManager, job: ImportJobContext, rows: LevelRow[], year: FinanceYear): Promise<ImportCounts> {
    const before = await this.repo.tuitionLevels(em, year.id);
    const known = new Map(before.map((l) => [`${l.schoolLevel}|${l.area}`, l]));
    const changed = rows.filter((r) => !same(known.get(`${r.schoolLevel}|${r.area}`), r));
    await this.repo.upsertTuitionLevels(em, year.id, changed, job.actor.userId);
    if (changed.length > 0) {
      const after = await this.repo.tuitionLevels(em, year.id);
      await this.audit.record(
        em,
        { schoolId: job.schoolId, entity: 'finance_tuition_level', entityId: year.id, action: 'UPDATE', before, after },
        job.actor,
      );
    }
    const created = changed.filter((r) => !known.has(`${r.schoolLevel}|${r.area}`)).length;
    return { created, updated: changed.length - created, unchanged: rows.length - changed.length };
  }
}

function same(level: TuitionLevel | undefined, row: LevelRow): boolean {
  return (
    !!level && level.monthlyAmount === row.monthlyAmount && level.privateSupportMonthly === row.privateSupportMonthly
  );
}
