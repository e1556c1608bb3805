import { IMPORT_MAX_ROWS } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Qualification } from '@emis/contracts';
import { assertInScope, Scope } from '@emis/api/platform';
import {
  buildTemplate,
  CellErrors,
  Download,
  FieldReader,
  ImportCounts,
  Importer,
  ImportJobContext,
  ImportRegistry,
  labelKey,
  RowDraft,
  SheetRow,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { ExistingStaff, HistoryWrite, StaffImportRepository, StaffWrite } from './staff-import.repository';
import { STAFF_LAYOUT } from './staff-layout';
import { readStaffRow, StaffRow } from './staff-rows';
import { StaffEvents } from '../staff-events';

export interface StaffContext {
  /** Subject codes by normalised name and by code. */
  subjects: Map<string, string>;
}

const FIELDS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'ethnicity',
  'phone',
  'email',
  'position',
  'contractType',
  'rankCode',
  'salaryCoefficient',
  'salaryStep',
  'startDate',
] as const;

/**
 * The staff list import (kind STAFF), run by the one import runner: creates or updates staff records by personal id,
 * with their hiring or change of position in the employment history.
 */
@Injectable()
export class StaffImporter implements Importer<StaffContext, StaffRow>, OnModuleInit {
  readonly kind = 'STAFF';
  readonly permission = 'people.import';
  readonly maxRows = IMPORT_MAX_ROWS;
  /**
   * Clerks' lists often carry a title block (the school's name, "DANH SÁCH …", merged across the columns) above the
   * column headers: the header row is the first of the top rows with the "Mã định danh" header.
   */
  readonly headerRow = {
    anchor: 'Mã định danh',
    notFound:
      'Tệp không đúng mẫu: không thấy dòng tiêu đề có cột "Mã định danh" trong 30 dòng đầu. Hãy tải mẫu của hệ thống và giữ nguyên dòng tiêu đề.',
  };
  readonly uniqueColumn = { key: 'personalId', label: 'mã định danh' } as const;
  readonly checkEveryRow = true;
  private readonly entity = 'staff';

  constructor(
    private readonly registry: ImportRegistry,
    private readonly repo: StaffImportRepository,
    private readonly audit: AuditService,
    private readonly staffEvents: StaffEvents,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  layout(): typeof STAFF_LAYOUT {
    return STAFF_LAYOUT;
  }

  async template(scope: Scope, schoolId: string): Promise<Download> {
    assertInScope(scope, schoolId);
    return { fileName: STAFF_LAYOUT.templateFileName, file: await buildTemplate(STAFF_LAYOUT, []) };
  }

  /** The subject catalogue the rows name; people.import, re-checked by the runner, is the only access rule. */
  async open(em: EntityManager): Promise<StaffContext> {
    const subjects = await this.repo.subjects(em);
    return {
      subjects: new Map(
        subjects.flatMap((s) => [
          [labelKey(s.name), s.code],
          [labelKey(s.code), s.code],
        ]),
      ),
    };
  }

  readRow(source: SheetRow, errors: CellErrors, context: StaffContext): RowDraft<StaffRow> {
    return readStaffRow(new FieldReader(source, errors), (word) => context.subjects.get(labelKey(word)));
  }

  async checkRows(
    em: EntityManager,
    { schoolId }: ImportJobContext,
    rows: RowDraft<StaffRow>[],
    _context: StaffContext,
    errors: CellErrors,
  ): Promise<void> {
    const ids = rows.flatMap((r) => (r.personalId ? [r.personalId] : []));
    const existing = await this.repo.existing(em, schoolId, ids);
    const transferred = new Set(existing.filter((s) => s.status === 'TRANSFERRED').map((s) => s.personalId));
    for (const row of rows.filter((r) => r.personalId && transferred.has(r.personalId))) {
      errors.at(
        row.row,
        'personalId',
        'Cán bộ có mã định danh này đã chuyển công tác; hồ sơ chỉ còn để tra cứu, không nhập lại được',
      );
    }
  }

  async commit(em: EntityManager, { schoolId, actor }: ImportJobContext, rows: StaffRow[]): Promise<ImportCounts> {
    const at = new Date();
    const existing = new Map(
      (
        await this.repo.existing(
          em,
          schoolId,
          rows.map((r) => r.personalId),
        )
      ).map((s) => [s.personalId, s]),
    );
    const created: StaffWrite[] = [];
    const changed: { id: string; write: StaffWrite; before: ExistingStaff }[] = [];
    for (const row of rows) {
      const before = existing.get(row.personalId);
      const write = { row, qualifications: mergeQualification(before?.qualifications ?? [], row.qualification) };
      if (!before) created.push(write);
      else if (differs(before, write)) changed.push({ id: before.id, write, before });
    }
    const ids = await this.repo.insert(em, schoolId, created, at);
    await this.repo.update(em, schoolId, changed, at);
    await this.repo.history(em, schoolId, historyOf(created, changed, ids), at);
    if (created.length || changed.length) await this.staffEvents.changed(em, schoolId, schoolId);
    await this.audit.recordMany(
      em,
      schoolId,
      [
        ...created.map((w) => ({
          entity: this.entity,
          entityId: ids.get(w.row.personalId)!,
          action: 'CREATE' as const,
          before: null,
          after: recordOf(w),
        })),
        ...changed.map((c) => {
          const { id: _id, status: _status, ...before } = c.before;
          return { entity: this.entity, entityId: c.id, action: 'UPDATE' as const, before, after: recordOf(c.write) };
        }),
      ],
      actor,
      at,
    );
    return {
      created: created.length,
      updated: changed.length,
      unchanged: rows.length - created.length - changed.length,
    };
  }
}

/** The file names one qualification (the highest): it replaces the entry of the same level, or is added. */
function mergeQualification(current: Qualification[], imported: Qualification | null): Qualification[] {
  if (!imported) return current;
  const index = current.findIndex((q) => q.level === imported.level);
  return index < 0 ? [...current, imported] : current.map((q, i) => (i === index ? imported : q));
}

function differs(before: ExistingStaff, write: StaffWrite): boolean {
  return (
    FIELDS.some((key) => (before[key] ?? null) !== (write.row[key] ?? null)) ||
    qualificationsKey(before.qualifications) !== qualificationsKey(write.qualifications) ||
    [...before.subjects].sort().join(',') !== [...write.row.subjects].sort().join(',')
  );
}

/** jsonb reorders object keys, so lists are compared by their values. */
function qualificationsKey(list: Qualification[]): string {
  return list.map((q) => `${q.level}|${q.major}|${q.institution}|${q.year}`).join('\n');
}

function recordOf(w: StaffWrite) {
  const { row: _row, qualification: _q, ...fields } = w.row;
  return { ...fields, qualifications: w.qualifications };
}

/** Hiring for new records, and a position entry when the file changes someone's position. */
function historyOf(
  created: StaffWrite[],
  changed: { id: string; write: StaffWrite; before: ExistingStaff }[],
  ids: Map<string, string>,
): HistoryWrite[] {
  const hired = created.map((w) => ({
    staffId: ids.get(w.row.personalId)!,
    kind: 'HIRED' as const,
    effectiveOn: w.row.startDate,
    details: { position: w.row.position, source: 'IMPORT' },
  }));
  const moved = changed
    .filter((c) => c.before.position !== c.write.row.position)
    .map((c) => ({
      staffId: c.id,
      kind: 'POSITION' as const,
      effectiveOn: todayInVietnam(),
      details: { from: c.before.position, to: c.write.row.position, source: 'IMPORT' },
    }));
  return [...hired, ...moved];
}
