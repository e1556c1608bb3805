import { HttpStatus, Injectable } from '@nestjs/common';
import type { ImportJob, ImportKind, Page } from '@emis/contracts';
import { assertInScope, PageQueryDto, Principal, ProblemException, Scope, TenantDb, toPage, toSqlPaging } from '@emis/api/platform';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportQueue } from './import-queue';
import { STAFF_LAYOUT } from './staff/staff-layout';
import { StudentImportRepository } from './students/student-import.repository';
import { STUDENT_LAYOUT } from './students/student-layout';
import { buildTemplate } from './workbook/template';
import { assertWorkbookUpload, UploadedWorkbook } from './workbook-upload';

export interface Download {
  fileName: string;
  file: Buffer;
}

const classOrder = new Intl.Collator('vi', { numeric: true });

@Injectable()
export class ImportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: ImportJobsRepository,
    private readonly queue: ImportQueue,
    private readonly students: StudentImportRepository,
  ) {}

  /** The template, with the class names of the school's open year in the student template's dropdown. */
  async template(scope: Scope, schoolId: string, kind: ImportKind): Promise<Download> {
    assertInScope(scope, schoolId);
    const layout = kind === 'STUDENTS' ? STUDENT_LAYOUT : STAFF_LAYOUT;
    const classes = kind === 'STUDENTS' ? await this.db.run((em) => this.students.openYearClasses(em, schoolId)) : [];
    const names = classes.map((c) => c.name).sort(classOrder.compare);
    return { fileName: layout.templateFileName, file: await buildTemplate(layout, names) };
  }

  /** Stores the file as a queued job and hands it to the background worker. */
  async upload(scope: Scope, actor: Principal, schoolId: string, kind: ImportKind, file: UploadedWorkbook | undefined): Promise<ImportJob> {
    assertInScope(scope, schoolId);
    assertWorkbookUpload(file);
    const job = await this.db.run((em) =>
      this.jobs.create(em, schoolId, { kind, fileName: fileNameOf(file.originalname), file: file.buffer, createdBy: actor.userId, at: new Date() }),
    );
    await this.queue.enqueue({ schoolId, jobId: job.id });
    return job;
  }

  async job(scope: Scope, schoolId: string, jobId: string): Promise<ImportJob> {
    assertInScope(scope, schoolId);
    const job = await this.db.run((em) => this.jobs.find(em, schoolId, jobId));
    if (!job) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return job;
  }

  async list(scope: Scope, schoolId: string, query: PageQueryDto): Promise<Page<ImportJob>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, { createdAt: 'created_at' }, '-createdAt');
    const { items, total } = await this.db.run((em) => this.jobs.list(em, schoolId, paging.limit, paging.offset));
    return toPage(items, total, paging);
  }

  /** The annotated workbook of a failed job; 404 when the job had no cell errors. */
  async errorWorkbook(scope: Scope, schoolId: string, jobId: string): Promise<Download> {
    assertInScope(scope, schoolId);
    const found = await this.db.run((em) => this.jobs.errorFile(em, schoolId, jobId));
    if (!found?.file) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return { fileName: found.fileName.replace(/\.xlsx$/i, '') + ' - lỗi.xlsx', file: found.file };
  }
}

function fileNameOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.normalize('NFC').slice(-200);
}
