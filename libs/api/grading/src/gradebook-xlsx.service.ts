import { Injectable } from '@nestjs/common';
import type { ImportJob } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, Scope, TenantDb } from '@emis/api/platform';
import { maskPersonalId, mayRevealStudentIds } from '@emis/domain';
import { Download, ImportsService, UploadedWorkbook } from '@emis/api/spreadsheets';
import { GradebookService } from './gradebook.service';
import { buildGradebookWorkbook } from './gradebook-xlsx.workbook';
import { GradebookXlsxRepository } from './gradebook-xlsx.repository';

/**
 * A subject's sổ điểm as an Excel workbook, and its upload back as an import job (run by the import runner with
 * GradebookImporter).
 * Reading follows the sheet's access (grades.read: the class's teachers, the school, the department); uploading
 * is for the subject's teacher while the year is open and the semester not locked.
 */
@Injectable()
export class GradebookXlsxService {
  constructor(
    private readonly db: TenantDb,
    private readonly gradebook: GradebookService,
    private readonly names: GradebookXlsxRepository,
    private readonly imports: ImportsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The rows are the sheet the API serves (GradebookService.sheet), so every average in the file is the one on
   * screen. An export of pupils' scores is personal data (docs/domain/personal-data.md): audited before the file is handed out.
   */
  async exportSheet(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
  ): Promise<Download> {
    return this.db.run(async (em) => {
      // One transaction: the sheet (joining it) and the class and its teachers from the same context query.
      const sheet = await this.gradebook.sheet(scope, actor, schoolId, classId, semester, subjectCode);
      const { cls, access } = await this.gradebook.open(em, actor, schoolId, classId, semester, subjectCode);
      const teacher = access.teachers.get(subjectCode);
      const names = await this.names.titleNames(em, schoolId);
      // The personal ID as the reader may see it: in full for the roles that see ID numbers, masked for a teacher.
      const full = mayRevealStudentIds(actor.role);
      const ids = await this.names.personalIds(
        em,
        schoolId,
        sheet.rows.map((r) => r.studentId),
      );
      const codes = new Map([...ids].map(([id, personalId]) => [id, full ? personalId : maskPersonalId(personalId)]));
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'gradebook',
          entityId: sheet.gradebookId ?? `${classId}:${subjectCode}:${semester}`,
          action: 'EXPORT',
          after: {
            format: 'xlsx',
            classId,
            subjectCode,
            semester,
            students: sheet.rows.length,
            personalIds: full ? 'FULL' : 'MASKED',
          },
        },
        actor,
      );
      const file = await buildGradebookWorkbook(
        sheet,
        { ...names, className: cls.name, schoolYearCode: cls.schoolYearCode, teacherName: teacher?.name ?? null },
        codes,
      );
      return { fileName: `so-diem-${cls.name}-${subjectCode}-HK${semester}-${cls.schoolYearCode}.xlsx`, file };
    });
  }

  /** Checks the caller may write the sheet now, then queues the file; the job checks again when it runs. */
  async upload(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
    file: UploadedWorkbook | undefined,
  ): Promise<ImportJob> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const { access } = await this.gradebook.open(em, actor, schoolId, classId, semester, subjectCode);
      this.gradebook.assertWritable(access, subjectCode);
    });
    return this.imports.upload(scope, actor, schoolId, 'GRADEBOOK', file, { classId, semester, subjectCode });
  }
}
