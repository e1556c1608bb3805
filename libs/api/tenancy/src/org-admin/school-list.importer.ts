import { Injectable, OnModuleInit } from '@nestjs/common';
import { isValidOrgUnitCode, SchoolLevel, SchoolOwnership, todayInVietnam } from '@emis/domain';
import {
  CellErrors,
  codeOfLabel,
  FieldReader,
  ImportCounts,
  Importer,
  ImportJobContext,
  ImportLayout,
  ImportRegistry,
  SheetRow,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { OrgTreeService } from '../org-tree.service';
import { OrgChangeAudit } from './org-change-audit';
import { AdminUnitRow, OrgAdminRepository, UnitParticulars } from './org-admin.repository';
import { vietnamMidnight } from './org-unit-item';
import { LEVEL_VI, OWNERSHIP_VI, SCHOOL_LIST_LAYOUT, SCHOOL_LIST_MAX_ROWS } from './school-list.workbook';

interface SchoolRow extends UnitParticulars {
  row: number;
  parentCode: string;
  address: string | null;
  effectiveFrom: string | null;
}

type UnitByCode = Map<string, { id: string; kind: string; active: boolean }>;

/**
 * The province's school list from Excel (kind SCHOOL_LIST), run by the one import runner as a job of the department's
 * own org unit: every row is checked first (any error: nothing written, the errors by row and column); then a new
 * code creates the school under its unit, a known one corrects the school's particulars. Moving a school is a decision
 * with a date, made on its page, never by a file. Audited like a change on screen.
 */
@Injectable()
export class SchoolListImporter implements Importer<void, SchoolRow>, OnModuleInit {
  readonly kind = 'SCHOOL_LIST';
  readonly permission = 'org.manage';
  readonly maxRows = SCHOOL_LIST_MAX_ROWS;
  readonly headerRow = 1;
  readonly uniqueColumn = { key: 'code' as const, label: 'Mã trường' };
  readonly messages = { noRows: 'Tệp không có trường nào dưới dòng tiêu đề' };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly repo: OrgAdminRepository,
    private readonly tree: OrgTreeService,
    private readonly audit: OrgChangeAudit,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** org.manage, re-checked by the runner, is the only access rule: the department's list has no other lock. */
  async open(): Promise<void> {
    return;
  }

  layout(): ImportLayout {
    return SCHOOL_LIST_LAYOUT;
  }

  readRow(source: SheetRow, errors: CellErrors): SchoolRow | null {
    const f = new FieldReader(source, errors);
    const code = this.code(f, 'code');
    const name = f.text('name', true);
    const levels = f.list('levels', (w) => codeOfLabel<SchoolLevel>(LEVEL_VI, w), 'cấp học');
    if (levels && levels.length === 0) f.fail('levels', 'Bắt buộc nhập');
    const ownership = f.choice<SchoolOwnership>('ownership', OWNERSHIP_VI, true);
    const parentCode = this.code(f, 'parentCode');
    const commune = f.text('commune');
    const address = f.text('address');
    const effectiveFrom = f.date('effectiveFrom');
    if (!code || !name || !levels?.length || !ownership || !parentCode) return null;
    if (f.has('effectiveFrom') && !effectiveFrom) return null;
    return { row: source.row, code, name, levels, ownership, parentCode, commune, address, effectiveFrom };
  }

  /** Each parent must be an open department or unit; a known code must be an open school under that same parent. */
  async checkRows(em: EntityManager, _job: ImportJobContext, rows: SchoolRow[], _t: void, errors: CellErrors) {
    const units = await this.unitsByCode(em, rows);
    for (const r of rows) {
      const parent = units.get(r.parentCode);
      if (!parent) errors.at(r.row, 'parentCode', `Không có đơn vị mã ${r.parentCode}`);
      else if (parent.kind === 'SCHOOL')
        errors.at(r.row, 'parentCode', `${r.parentCode} là một trường, không phải đơn vị quản lý`);
      else if (!parent.active) errors.at(r.row, 'parentCode', `Đơn vị ${r.parentCode} đã đóng`);
      const known = units.get(r.code);
      if (!known) continue;
      if (known.kind !== 'SCHOOL') errors.at(r.row, 'code', `Mã ${r.code} là của một đơn vị, không phải trường`);
      else if (!known.active) errors.at(r.row, 'code', `Trường ${r.code} đã đóng: không thể sửa`);
      else if (parent && (await this.tree.get(known.id))?.parentId !== parent.id) {
        errors.at(r.row, 'parentCode', 'Trường đang thuộc đơn vị khác: chuyển trường bằng chức năng "Chuyển đơn vị"');
      }
    }
  }

  async commit(em: EntityManager, job: ImportJobContext, rows: SchoolRow[]): Promise<ImportCounts> {
    const units = await this.unitsByCode(em, rows);
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const r of rows) {
      const known = units.get(r.code);
      if (!known) {
        await this.create(em, job, r, units.get(r.parentCode)!.id);
        counts.created++;
      } else if (await this.correct(em, job, r, known.id)) counts.updated++;
      else counts.unchanged++;
    }
    this.tree.invalidate();
    return counts;
  }

  private async create(em: EntityManager, job: ImportJobContext, r: SchoolRow, parentId: string): Promise<void> {
    const id = await this.repo.insert(em, {
      kind: 'SCHOOL',
      parentId,
      opensAt: vietnamMidnight(r.effectiveFrom ?? todayInVietnam()),
      ...particularsOf(r),
    });
    await this.repo.insertProfile(em, id, r.address, job.actor.userId);
    await this.audit.record(em, id, 'CREATE', { after: await this.repo.find(em, id) }, job.actor);
  }

  /** Corrects a known school's particulars where the row differs; false when nothing changed. */
  private async correct(em: EntityManager, job: ImportJobContext, r: SchoolRow, id: string): Promise<boolean> {
    const before = (await this.repo.find(em, id))!;
    const changedAddress = (before.address ?? null) !== r.address;
    if (sameParticulars(before, particularsOf(r)) && !changedAddress) return false;
    await this.repo.correct(em, id, particularsOf(r));
    if (changedAddress) await this.repo.setAddress(em, id, r.address, job.actor.userId);
    const after = await this.repo.find(em, id);
    const grounds = { reason: `Nhập danh sách trường từ tệp ${job.fileName}` };
    await this.audit.record(em, id, 'UPDATE', { before, after, grounds }, job.actor);
    return true;
  }

  private code(f: FieldReader, key: string): string | null {
    const text = f.text(key, true)?.trim().toUpperCase() ?? null;
    if (text === null || isValidOrgUnitCode(text)) return text;
    return f.fail(key, 'Mã gồm chữ in hoa, chữ số và dấu gạch ngang, 3–20 ký tự');
  }

  private async unitsByCode(em: EntityManager, rows: SchoolRow[]): Promise<UnitByCode> {
    const codes = [...new Set(rows.flatMap((r) => [r.code, r.parentCode]))];
    return new Map((await this.repo.byCodes(em, codes)).map((u) => [u.code, u]));
  }
}

function particularsOf(r: SchoolRow): UnitParticulars {
  return { code: r.code, name: r.name, levels: r.levels, ownership: r.ownership, commune: r.commune };
}

function sameParticulars(row: AdminUnitRow, p: UnitParticulars): boolean {
  const levels = [...(row.levels ?? [])].sort().join();
  return (
    row.name === p.name &&
    levels === [...p.levels].sort().join() &&
    row.ownership === p.ownership &&
    (row.commune ?? null) === p.commune
  );
}
