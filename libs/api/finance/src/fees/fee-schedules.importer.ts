import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { gradesNotTaught, isGradeLevel } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
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
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { MAX_FEE_AMOUNT } from '../config/finance-config.dto';
import { FinanceConfigService } from '../config/finance-config.service';
import { BILLING_UNIT_VI, FEE_KIND_VI } from '../finance-words';
import { FeeSchedulesRepository, ScheduleFields, StoredSchedule } from './fee-schedules.repository';
import { ScheduleLimits, FeeSchedulesService } from './fee-schedules.service';
import { FEE_SCHEDULES_LAYOUT, FEE_SCHEDULES_MAX_ROWS, YES_NO } from './fee-schedules.workbook';

interface ScheduleTarget {
  yearId: string;
  limits: ScheduleLimits;
  /** The year's lines not withdrawn, by kind and name. */
  live: Map<string, StoredSchedule>;
}

interface ScheduleRow extends ScheduleFields {
  row: number;
}

const ENTITY = 'finance_fee_schedule';

/**
 * A school's fee schedules from Excel (kind FINANCE_FEE_SCHEDULES), run by the one import runner: every row is checked
 * first; then a new kind and name becomes a draft, a draft of the same kind and name takes the row's values, and an
 * adopted line must be left as it is (it is withdrawn on screen, never edited). Adoption stays a person's act on
 * screen, with the decision's number and date.
 */
@Injectable()
export class FeeSchedulesImporter implements Importer<ScheduleTarget, ScheduleRow>, OnModuleInit {
  readonly kind = 'FINANCE_FEE_SCHEDULES';
  readonly permission = 'finance.manage';
  readonly maxRows = FEE_SCHEDULES_MAX_ROWS;
  readonly headerRow = 1;
  readonly messages = { noRows: 'Tệp không có khoản thu nào dưới dòng tiêu đề' };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly repo: FeeSchedulesRepository,
    private readonly schedules: FeeSchedulesService,
    private readonly years: FinanceConfigService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async open(em: EntityManager, job: ImportJobContext): Promise<ScheduleTarget> {
    const yearId = job.params['schoolYearId'];
    if (typeof yearId !== 'string') throw new Error('a fee schedules import job without its school year');
    await asFailure(() => this.years.writableYear(em, yearId));
    const limits = await this.schedules.limits(em, job.schoolId, yearId);
    return { yearId, limits, live: await this.liveLines(em, job.schoolId, yearId) };
  }

  layout(): ImportLayout {
    return FEE_SCHEDULES_LAYOUT;
  }

  readRow(source: SheetRow, errors: CellErrors, target: ScheduleTarget): ScheduleRow | null {
    const f = new FieldReader(source, errors);
    const feeKind = f.choice('feeKind', FEE_KIND_VI, true);
    const name = f.text('name', true)?.normalize('NFC').trim().replace(/\s+/g, ' ') ?? null;
    const billingUnit = f.choice('billingUnit', BILLING_UNIT_VI, true);
    const amount = f.has('amount')
      ? f.number('amount', { min: 0, max: MAX_FEE_AMOUNT, decimals: 0 })
      : f.fail('amount', 'Bắt buộc nhập');
    const grades = readGrades(source, f);
    if (grades && gradesNotTaught({ grades }, target.limits.school.levels).length > 0)
      f.fail('grades', 'Có khối lớp trường không dạy');
    const voluntary = f.choice('voluntary', YES_NO);
    const decisionNumber = f.text('decisionNumber');
    if (!feeKind || !name || !billingUnit || amount === null || !grades) return null;
    return {
      row: source.row,
      feeKind,
      name,
      billingUnit,
      amount,
      grades,
      voluntary: voluntary ? voluntary === 'YES' : feeKind === 'VOLUNTARY',
      decisionNumber: decisionNumber?.trim() || null,
    };
  }

  /** The same kind and name twice in the file, or a change to an adopted line: marked, nothing written. */
  async checkRows(
    _em: EntityManager,
    _job: ImportJobContext,
    rows: ScheduleRow[],
    target: ScheduleTarget,
    errors: CellErrors,
  ): Promise<void> {
    const first = new Map<string, number>();
    for (const r of rows) {
      const key = keyOf(r);
      const earlier = first.get(key);
      if (earlier !== undefined) errors.at(r.row, 'name', `Khoản thu cùng loại và cùng tên đã có ở dòng ${earlier}`);
      else first.set(key, r.row);
      const line = target.live.get(key);
      if (line?.status === 'ADOPTED' && !same(line, r))
        errors.at(r.row, 'amount', 'Khoản thu đã áp dụng, không sửa được; hãy rút lại trên màn hình rồi nhập lại');
    }
  }

  async commit(
    em: EntityManager,
    job: ImportJobContext,
    rows: ScheduleRow[],
    target: ScheduleTarget,
  ): Promise<ImportCounts> {
    await asFailure(() => this.years.writableYear(em, target.yearId));
    await this.repo.lockYear(em, job.schoolId, target.yearId);
    const live = await this.liveLines(em, job.schoolId, target.yearId);
    const changes: Parameters<AuditService['recordMany']>[2] = [];
    let created = 0;
    let updated = 0;
    for (const { row: _row, ...fields } of rows) {
      const line = live.get(keyOf(fields));
      if (line && same(line, fields)) continue;
      if (line && line.status !== 'DRAFT')
        throw new ImportFailure(`Khoản thu "${line.name}" vừa được áp dụng; không có dòng nào được ghi.`);
      const after = line
        ? await this.repo.updateDraft(em, job.schoolId, line.id, fields)
        : await this.repo.insert(em, job.schoolId, target.yearId, fields);
      changes.push({
        entity: ENTITY,
        entityId: after.id,
        action: line ? 'UPDATE' : 'CREATE',
        before: line ?? null,
        after,
      });
      if (line) updated++;
      else created++;
    }
    await this.audit.recordMany(em, job.schoolId, changes, job.actor);
    return { created, updated, unchanged: rows.length - created - updated };
  }

  private async liveLines(em: EntityManager, schoolId: string, yearId: string): Promise<Map<string, StoredSchedule>> {
    const lines = await this.repo.list(em, schoolId, yearId);
    return new Map(lines.filter((l) => l.status !== 'WITHDRAWN').map((l) => [keyOf(l), l]));
  }
}

function keyOf(line: Pick<ScheduleFields, 'feeKind' | 'name'>): string {
  return `${line.feeKind}|${line.name.toLocaleLowerCase('vi')}`;
}

function same(line: ScheduleFields, row: ScheduleFields): boolean {
  return (
    line.name === row.name &&
    line.billingUnit === row.billingUnit &&
    line.amount === row.amount &&
    line.voluntary === row.voluntary &&
    (line.decisionNumber ?? null) === (row.decisionNumber ?? null) &&
    [...line.grades].sort().join() === [...row.grades].sort().join()
  );
}

/** Grades as "6, 7", or one grade Excel kept as the number 6. */
function readGrades(source: SheetRow, f: FieldReader): string[] | null {
  const raw = source.values.get('grades');
  if (typeof raw === 'number')
    return isGradeLevel(String(raw)) ? [String(raw)] : f.fail('grades', 'Không có khối lớp này');
  return f.list(
    'grades',
    (word) => {
      const grade = word.toUpperCase();
      return isGradeLevel(grade) ? grade : undefined;
    },
    'khối lớp',
  );
}

/** A refusal of the API (the year closed since the upload) fails the job with the API's own words. */
async function asFailure<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ProblemException)
      throw new ImportFailure(`${problemTitle(error.code, 'vi')}; không có dòng nào được ghi.`);
    if (error instanceof HttpException)
      throw new ImportFailure(`${problemTitle('not_found', 'vi')}: năm học; không có dòng nào được ghi.`);
    throw error;
  }
}
