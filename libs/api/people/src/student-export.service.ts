import { Injectable } from '@nestjs/common';
import { ETHNICITIES } from '@emis/domain';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import { assertInScope, ExportColumn, Scope, streamXlsx, TenantDb } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';
import { StudentExportQueryDto } from './students.dto';
import { StudentListItem, studentOrder, StudentFilter, StudentsRepository } from './students.repository';
import { StudentsService } from './students.service';

/** Rows fetched per round trip while streaming: memory stays flat however long the list is. */
const BATCH = 1000;

const STATUS_VI: Record<string, string> = {
  STUDYING: 'Đang học',
  TRANSFERRED_OUT: 'Đã chuyển trường',
  DROPPED_OUT: 'Đã thôi học',
  GRADUATED: 'Đã tốt nghiệp',
};
const ETHNICITY_NAME = new Map(ETHNICITIES.map((e) => [e.code, e.name]));

const COLUMNS: ExportColumn<StudentListItem>[] = [
  { header: 'Mã định danh', width: 16, value: (s) => s.personalId },
  { header: 'Họ và tên', width: 28, value: (s) => s.fullName },
  { header: 'Ngày sinh', width: 12, value: (s) => s.dateOfBirth.split('-').reverse().join('/') },
  { header: 'Giới tính', width: 10, value: (s) => (s.gender === 'MALE' ? 'Nam' : 'Nữ') },
  { header: 'Dân tộc', width: 12, value: (s) => ETHNICITY_NAME.get(s.ethnicity) ?? s.ethnicity },
  { header: 'Lớp', width: 8, value: (s) => s.className },
  { header: 'Khối', width: 6, value: (s) => s.grade },
  { header: 'Trạng thái', width: 16, value: (s) => STATUS_VI[s.status] ?? s.status },
];

/**
 * The student list as Excel, as filtered on screen (issue §7). An export of children's personal data states its
 * reason, fits the reader's daily export limit and read budget, is audited with the reason, the filter and the row
 * count (docs/domain/personal-data.md) in the transaction that reads the rows, and names its reader in the file
 * (docs/security/guard.md).
 */
@Injectable()
export class StudentExportService {
  constructor(
    private readonly repo: StudentsRepository,
    private readonly students: StudentsService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly guard: PersonalDataGuard,
    private readonly schools: SchoolsService,
  ) {}

  async export(scope: Scope, schoolId: string, query: StudentExportQueryDto, res: Response): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const { reason, ...shown } = query;
      const filter = await this.students.filterOf(em, shown);
      const watermark = await this.guard.admitExport('STUDENT', schoolId);
      const ids = await this.repo.ids(em, schoolId, filter);
      await this.guard.chargeExport('STUDENT', ids, schoolId);
      // Recorded before the first byte leaves: a failed download is logged as attempted, never a sent file unlogged.
      await this.audit.record(em, {
        schoolId,
        entity: 'student',
        entityId: 'export',
        action: 'EXPORT',
        after: { reason, filter: shown, yearId: filter.yearId, rows: ids.length },
      });
      const orderBy = studentOrder(query.sort);
      const letterhead = await this.schools.letterhead(em, schoolId);
      const heading = {
        governingBody: letterhead.governingBody,
        school: letterhead.schoolName,
        title: 'DANH SÁCH HỌC SINH',
      };
      await streamXlsx(res, 'hoc-sinh.xlsx', 'Học sinh', COLUMNS, this.batches(em, schoolId, filter, orderBy), {
        watermark,
        heading,
      });
    });
  }

  private async *batches(
    em: EntityManager,
    schoolId: string,
    filter: StudentFilter,
    orderBy: string,
  ): AsyncIterable<StudentListItem> {
    for (let offset = 0; ; offset += BATCH) {
      const page = await this.repo.list(em, schoolId, filter, orderBy, BATCH, offset);
      yield* page;
      if (page.length < BATCH) return;
    }
  }
}
