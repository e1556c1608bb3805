import { Controller, Get, Injectable, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import {
  assertInScope,
  CurrentScope,
  ExportColumn,
  RequirePermission,
  Scope,
  streamXlsx,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { CellValue, formatCell } from '@emis/domain';
import { Type } from 'class-transformer';
import { IsIn, IsUUID } from 'class-validator';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';
import { SchoolGradebookExportRepository, SchoolGradeRow } from './school-gradebook-export.repository';

/** Circular 22's columns get a cell each; other layouts (Circular 27, the 58 coefficient sheet) a text column. */
const C22_KEYS = ['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK'];

const score = (key: string) => (r: SchoolGradeRow) => {
  const v = r.cells[key];
  return typeof v === 'number' ? v : v ? formatCell(v) : null;
};

const COLUMNS: ExportColumn<SchoolGradeRow>[] = [
  { header: 'Lớp', width: 8, value: (r) => r.className },
  // The pupil's personal identification number, the national key (docs/domain/records.md), never an internal id.
  { header: 'Mã định danh', width: 16, value: (r) => r.personalId },
  { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
  { header: 'Ngày sinh', width: 12, value: (r) => r.dateOfBirth.split('-').reverse().join('/') },
  { header: 'Môn học', width: 22, value: (r) => r.subjectName },
  ...C22_KEYS.map((key) => ({ header: key, width: 6, value: score(key) })),
  { header: 'ĐTBmhk', width: 8, value: (r) => r.average },
  { header: 'Đánh giá', width: 9, value: (r) => (r.rating ? formatCell(r.rating as CellValue) : null) },
  {
    header: 'Điểm khác',
    width: 30,
    value: (r) =>
      Object.entries(r.cells)
        .filter(([k]) => !C22_KEYS.includes(k))
        .map(([k, v]) => `${k}: ${formatCell(v)}`)
        .join('; ') || null,
  },
  { header: 'Nhận xét', width: 40, value: (r) => r.comment },
];

export class SchoolGradebookQueryDto {
  @ApiProperty()
  @IsUUID()
  yearId!: string;

  @ApiProperty({ enum: [1, 2] })
  @Type(() => Number)
  @IsIn([1, 2])
  semester!: 1 | 2;
}

/**
 * The whole school's scores for a semester in one workbook (what a school sends the department at term end): one
 * row per pupil and subject, streamed class by class so memory stays flat at any size, audited as an export of
 * personal data before the first byte leaves (docs/domain/personal-data.md). Like the lists' exports it fits the
 * reader's daily export limit, charges every pupil it names to the read budget and carries the reader's watermark
 * (docs/security/guard.md).
 */
@Injectable()
export class SchoolGradebookExportService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly repo: SchoolGradebookExportRepository,
    private readonly guard: PersonalDataGuard,
    private readonly schools: SchoolsService,
  ) {}

  async export(scope: Scope, schoolId: string, query: SchoolGradebookQueryDto, res: Response): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const yearCode = await this.repo.yearCode(em, query.yearId);
      if (yearCode === undefined) throw new ValidationProblem([{ field: 'yearId', rule: 'unknownYear', args: [] }]);
      const classes = await this.repo.classIdsOfYear(em, schoolId, query.yearId);
      const watermark = await this.guard.admitExport('GRADEBOOK', schoolId);
      const pupils = await this.repo.pupilIdsOfExport(em, schoolId, classes, query.semester);
      await this.guard.chargeExport('STUDENT', pupils, schoolId);
      await this.audit.record(em, {
        schoolId,
        entity: 'gradebook',
        entityId: 'export',
        action: 'EXPORT',
        after: { yearId: query.yearId, semester: query.semester, classes: classes.length, pupils: pupils.length },
      });
      await streamXlsx(
        res,
        `so-diem-${yearCode}-hk${query.semester}.xlsx`,
        `Sổ điểm HK${query.semester}`,
        COLUMNS,
        this.rows(em, schoolId, classes, query.semester),
        { watermark, heading: await this.heading(em, schoolId, query.semester, yearCode), signatures: true },
      );
    });
  }

  /** The governing body and school above the title, the principal under the signature block (official papers). */
  private async heading(em: EntityManager, schoolId: string, semester: number, yearCode: string) {
    const letterhead = await this.schools.letterhead(em, schoolId);
    return {
      governingBody: letterhead.governingBody,
      school: letterhead.schoolName,
      title: `SỔ ĐIỂM HỌC KÌ ${semester === 1 ? 'I' : 'II'} NĂM HỌC ${yearCode}`,
      principalName: letterhead.principalName,
    };
  }

  private async *rows(
    em: EntityManager,
    schoolId: string,
    classIds: string[],
    semester: number,
  ): AsyncIterable<SchoolGradeRow> {
    // The next class is asked for before this one's rows are written: PostgreSQL reads it while the workbook is
    // built (the transaction's one connection takes the query at once; node-postgres answers it in turn).
    let next = classIds.length ? this.repo.gradeRowsOfClass(em, schoolId, classIds[0], semester) : undefined;
    for (let i = 0; next; i++) {
      const rows = await next;
      next = i + 1 < classIds.length ? this.repo.gradeRowsOfClass(em, schoolId, classIds[i + 1], semester) : undefined;
      // A failed read ahead is thrown by the next await; until then it must not count as unhandled.
      next?.catch(() => undefined);
      yield* rows;
    }
  }
}

@ApiTags('gradebook')
@Controller('schools/:schoolId/gradebook')
export class SchoolGradebookController {
  constructor(private readonly exporter: SchoolGradebookExportService) {}

  @Get('export.xlsx')
  @RequirePermission('grades.export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: SchoolGradebookQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.exporter.export(scope, schoolId, query, res);
  }
}
