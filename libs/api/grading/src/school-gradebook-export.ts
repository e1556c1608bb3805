import { Controller, Get, Injectable, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@emis/api/audit';
import { assertInScope, CurrentScope, ExportColumn, RequirePermission, Scope, streamXlsx, TenantDb, ValidationProblem } from '@emis/api/platform';
import { CellValue, formatCell } from '@emis/domain';
import { Type } from 'class-transformer';
import { IsIn, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';

/** One pupil's scores in one subject, as the school-wide workbook lists them. */
interface SchoolGradeRow {
  className: string;
  studentId: string;
  fullName: string;
  dateOfBirth: string;
  subjectName: string;
  cells: Record<string, CellValue>;
  average: number | null;
  rating: string | null;
  comment: string | null;
}

/** Circular 22's columns get a cell each; other layouts (Circular 27, the 58 coefficient sheet) a text column. */
const C22_KEYS = ['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK'];

const score = (key: string) => (r: SchoolGradeRow) => {
  const v = r.cells[key];
  return typeof v === 'number' ? v : v ? formatCell(v) : null;
};

const COLUMNS: ExportColumn<SchoolGradeRow>[] = [
  { header: 'Lớp', width: 8, value: (r) => r.className },
  { header: 'Mã học sinh', width: 38, value: (r) => r.studentId },
  { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
  { header: 'Ngày sinh', width: 12, value: (r) => r.dateOfBirth.split('-').reverse().join('/') },
  { header: 'Môn học', width: 22, value: (r) => r.subjectName },
  ...C22_KEYS.map((key) => ({ header: key, width: 6, value: score(key) })),
  { header: 'ĐTBmhk', width: 8, value: (r) => r.average },
  { header: 'Đánh giá', width: 9, value: (r) => (r.rating ? formatCell(r.rating as CellValue) : null) },
  {
    header: 'Điểm khác', width: 30,
    value: (r) => Object.entries(r.cells).filter(([k]) => !C22_KEYS.includes(k)).map(([k, v]) => `${k}: ${formatCell(v)}`).join('; ') || null,
  },
  { header: 'Nhận xét', width: 40, value: (r) => r.comment },
];

export class SchoolGradebookQueryDto {
  @ApiProperty() @IsUUID()
  yearId!: string;

  @ApiProperty({ enum: [1, 2] }) @Type(() => Number) @IsIn([1, 2])
  semester!: 1 | 2;
}

/**
 * The whole school's scores for a semester in one workbook (what a school sends the department at term end): one
 * row per pupil and subject, streamed class by class so memory stays flat at any size, audited as an export of
 * personal data before the first byte leaves (docs/domain/personal-data.md).
 */
@Injectable()
export class SchoolGradebookExportService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async export(scope: Scope, schoolId: string, query: SchoolGradebookQueryDto, res: Response): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const [year] = await em.query(`select code from academic_school_year where id = $1`, [query.yearId]);
      if (!year) throw new ValidationProblem([{ field: 'yearId', rule: 'unknownYear', args: [] }]);
      const classes: { id: string }[] = await em.query(
        `select id from academic_class where school_id = $1 and school_year_id = $2 order by length(grade), grade, name`, [schoolId, query.yearId],
      );
      await this.audit.record(em, {
        schoolId, entity: 'gradebook', entityId: 'export', action: 'EXPORT', after: { yearId: query.yearId, semester: query.semester, classes: classes.length },
      });
      await streamXlsx(res, `so-diem-${year.code}-hk${query.semester}.xlsx`, `Sổ điểm HK${query.semester}`, COLUMNS, this.rows(em, schoolId, classes, query.semester));
    });
  }

  private async *rows(em: EntityManager, schoolId: string, classes: { id: string }[], semester: number): AsyncIterable<SchoolGradeRow> {
    for (const cls of classes) {
      const rows: Record<string, unknown>[] = await em.query(
        `select c.name as class_name, st.id, st.full_name, st.date_of_birth::text as dob, s.name as subject_name, e.cells,
                e.average::float8 as average, e.rating, e.comment
           from grade_entry e
           join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
           join academic_class c on c.school_id = g.school_id and c.id = g.class_id
           join academic_subject s on s.code = g.subject_code
           join people_student st on st.school_id = e.school_id and st.id = e.student_id
          where e.school_id = $1 and g.class_id = $2 and g.semester = $3
          order by s.sort_order, st.given_name collate "vi-x-icu", st.middle_name collate "vi-x-icu", st.family_name collate "vi-x-icu", st.id`,
        [schoolId, cls.id, semester],
      );
      for (const r of rows) {
        yield {
          className: r['class_name'] as string, studentId: r['id'] as string, fullName: r['full_name'] as string, dateOfBirth: r['dob'] as string,
          subjectName: r['subject_name'] as string, cells: r['cells'] as Record<string, CellValue>, average: r['average'] as number | null,
          rating: r['rating'] as string | null, comment: r['comment'] as string | null,
        };
      }
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
  export(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string, @Query() query: SchoolGradebookQueryDto, @Res() res: Response): Promise<void> {
    return this.exporter.export(scope, schoolId, query, res);
  }
}
