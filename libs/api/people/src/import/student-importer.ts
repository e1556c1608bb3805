import { STUDENT_IMPORT_MAX_ROWS } from '@emis/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { assertInScope, Scope, ScopeResolver, scopeIncludes, TenantDb } from '@emis/api/platform';
import { Permission } from '@emis/domain';
import {
  buildTemplate,
  CellErrors,
  Download,
  FieldReader,
  ImportFailure,
  Importer,
  ImportJobContext,
  ImportLayout,
  ImportRegistry,
  RowDraft,
  SheetRow,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { StudentImportRepository } from './student-import.repository';
import { MANY_SCHOOLS_LAYOUT, SCHOOL_CODE, SCHOOL_TEMPLATE_LAYOUT, STUDENT_LAYOUT } from './student-layout';
import { readStudentRow } from './student-rows';
import { ListRow, StudentContext, StudentStaging } from './student-staging';

const classOrder = new Intl.Collator('vi', { numeric: true });

/** The upload parameter of a department's or unit's file: each row names its school in the school code column. */
export const MANY_SCHOOLS_PARAM = { schools: 'column' } as const;

/** The permission of a file spanning many schools (a department or unit user's), beside the school's people.import. */
const MANY_SCHOOLS_PERMISSION: Permission = 'people.import.schools';

/**
 * The student list import (kind STUDENTS), run by the one import runner: creates or updates students by personal id,
 * their father and mother, and their enrolment in the named class of the open year. Staged (StudentStaging): the
 * rows go through a temporary table and are checked and written set-wise, so a province-scale file is never held in
 * memory (docs/adr/province-scale-imports.md). A school's own list (people.import) puts every row under the school; a
 * department's or unit's list (people.import.schools) names each row's school in the "Mã trường" column, and each row
 * goes under that school, which must be in the uploader's scope (docs/domain/records.md, "Importing a list").
 */
@Injectable()
export class StudentImporter implements Importer<StudentContext, ListRow>, OnModuleInit {
  readonly kind = 'STUDENTS';
  readonly permission = 'people.import';
  readonly otherPermissions = [MANY_SCHOOLS_PERMISSION];
  /** A whole list, streamed (docs/adr/province-scale-imports.md). */
  readonly maxRows = STUDENT_IMPORT_MAX_ROWS;
  /**
   * Clerks' lists often carry a title block (the school's name, "DANH SÁCH …", merged across the columns) above the
   * column headers: the header row is the first of the top rows with the "Mã định danh" header.
   */
  readonly headerRow = {
    anchor: 'Mã định danh',
    notFound:
      'Tệp không đúng mẫu: không thấy dòng tiêu đề có cột "Mã định danh" trong 30 dòng đầu. Hãy tải mẫu của hệ thống và giữ nguyên dòng tiêu đề.',
  };
  readonly checkEveryRow = true;

  constructor(
    private readonly db: TenantDb,
    private readonly tree: ScopeResolver,
    private readonly registry: ImportRegistry,
    private readonly repo: StudentImportRepository,
    readonly staging: StudentStaging,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  permissionFor(params: Record<string, unknown>): Permission {
    return isManySchools(params) ? MANY_SCHOOLS_PERMISSION : this.permission;
  }

  layout(context: StudentContext): ImportLayout {
    return context.schools ? MANY_SCHOOLS_LAYOUT : STUDENT_LAYOUT;
  }

  /** The template, with the class names of the school's open year in the class column's dropdown. */
  async template(scope: Scope, schoolId: string): Promise<Download> {
    assertInScope(scope, schoolId);
    const classes = await this.db.run((em) => this.repo.openYearClasses(em, schoolId));
    const names = classes.map((c) => c.name).sort(classOrder.compare);
    return {
      fileName: SCHOOL_TEMPLATE_LAYOUT.templateFileName,
      file: await buildTemplate(SCHOOL_TEMPLATE_LAYOUT, names),
    };
  }

  /** A unit's template: the school code column first; the classes differ by school, so no class dropdown. */
  async manySchoolsTemplate(scope: Scope, unitId: string): Promise<Download> {
    assertInScope(scope, unitId);
    return { fileName: MANY_SCHOOLS_LAYOUT.templateFileName, file: await buildTemplate(MANY_SCHOOLS_LAYOUT, []) };
  }

  /**
   * The schools the rows may name. people.import (or people.import.schools), re-checked by the runner, is the only
   * access rule; a school's own list knows its own code, a unit's file every school's code, with whether the school is
   * in the job's scope (the unit's subtree, which the runner checked is in the uploader's).
   */
  async open(em: EntityManager, job: ImportJobContext): Promise<StudentContext> {
    if (!isManySchools(job.params)) {
      const [own] = await this.repo.schoolCodes(em, [job.schoolId]);
      return { schoolId: job.schoolId, ownCode: own?.code.toUpperCase() ?? null, schools: null };
    }
    const units = await this.repo.schoolCodes(em);
    const scope = await this.tree.scopeFor(job.schoolId);
    const schools = new Map(
      units.map((u) => [u.code.toUpperCase(), { id: u.id, inScope: scopeIncludes(scope, u.id), closed: u.closed }]),
    );
    if (![...schools.values()].some((s) => s.inScope))
      throw new ImportFailure('Đơn vị không có trường nào để nhập danh sách học sinh; không có dữ liệu nào được ghi.');
    return { schoolId: job.schoolId, ownCode: null, schools };
  }

  readRow(source: SheetRow, errors: CellErrors, context: StudentContext): RowDraft<ListRow> {
    const reader = new FieldReader(source, errors);
    // Not `{ ...readStudentRow(reader), schoolId }`: such spread copies of the rows ended in V8's old generation, though
    // each died at once — 91 MB of it for a 200,000-row list (docs/benchmarks.md, "The import's memory").
    return Object.assign(readStudentRow(reader), { schoolId: schoolOf(reader, context) });
  }
}

function isManySchools(params: Record<string, unknown>): boolean {
  return params['schools'] === MANY_SCHOOLS_PARAM.schools;
}

/**
 * The school a row goes under: the job's, for a school's own list (whose code, if the file has the column, must be
 * the school's); the school the code names, for a unit's file — an unknown code, a school outside the uploader's
 * scope or a closed school is an error on the cell (null: the row is checked on, and never written).
 */
function schoolOf(reader: FieldReader, context: StudentContext): string | null {
  if (!context.schools) {
    const code = reader.code(SCHOOL_CODE);
    if (code !== null && code !== context.ownCode)
      return reader.fail(
        SCHOOL_CODE,
        'Mã trường không phải của trường đang nhập; hãy để trống hoặc ghi đúng mã trường',
      );
    return context.schoolId;
  }
  const code = reader.code(SCHOOL_CODE, true);
  if (code === null) return null;
  const school = context.schools.get(code);
  if (!school) return reader.fail(SCHOOL_CODE, 'Không có trường nào mang mã này');
  if (!school.inScope) return reader.fail(SCHOOL_CODE, 'Trường này không thuộc phạm vi quản lý của tài khoản');
  if (school.closed) return reader.fail(SCHOOL_CODE, 'Trường đã đóng cửa; không nhập được học sinh');
  return school.id;
}
