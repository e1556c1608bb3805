import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { STUDENT_IMPORT_MAX_BYTES, type ImportJob } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  attachment,
  ImportJobDto,
  ImportsService,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUploadOf,
  XLSX_CONTENT_TYPE,
} from '@emis/api/spreadsheets';
import { MANY_SCHOOLS_PARAM, StudentImporter } from './student-importer';

/** The student list in Excel: its template, and the upload that queues an import job (followed at …/imports/:jobId). */
@ApiTags('imports')
@Controller('schools/:schoolId/imports')
export class StudentImportController {
  constructor(
    private readonly importer: StudentImporter,
    private readonly imports: ImportsService,
  ) {}

  @Get('templates/students.xlsx')
  @RequirePermission('people.import')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async studentTemplate(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.importer.template(scope, schoolId));
  }

  @Post('students')
  @HttpCode(202)
  @RequirePermission('people.import')
  @UseInterceptors(WorkbookUploadOf(STUDENT_IMPORT_MAX_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importStudents(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.imports.upload(scope, actor, schoolId, 'STUDENTS', file);
  }
}

/**
 * A department's or unit's student list spanning many schools, each row under the school its "Mã trường" names
 * (docs/adr/province-scale-imports.md, decision 6). The job belongs to the unit: it is followed at
 * /api/schools/{unitId}/imports/{jobId}, as its uploader's own job.
 */
@ApiTags('imports')
@Controller('units/:unitId/imports')
export class UnitStudentImportController {
  constructor(
    private readonly importer: StudentImporter,
    private readonly imports: ImportsService,
  ) {}

  @Get('templates/students.xlsx')
  @RequirePermission('people.import.schools')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async studentTemplate(
    @CurrentScope() scope: Scope,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.importer.manySchoolsTemplate(scope, unitId));
  }

  @Post('students')
  @HttpCode(202)
  @RequirePermission('people.import.schools')
  @UseInterceptors(WorkbookUploadOf(STUDENT_IMPORT_MAX_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importStudents(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.imports.upload(scope, actor, unitId, 'STUDENTS', file, { ...MANY_SCHOOLS_PARAM });
  }
}
