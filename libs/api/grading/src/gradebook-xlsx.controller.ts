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
import type { ImportJob } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  attachment,
  ImportJobDto,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUpload,
} from '@emis/api/spreadsheets';
import { SemesterPipe, SubjectCodePipe } from './gradebook.dto';
import { GradebookXlsxService } from './gradebook-xlsx.service';

/**
 * The sổ điểm in Excel: download a subject's semester sheet, upload it back filled in. The upload answers 202 with
 * an import job, followed at GET /api/schools/:schoolId/imports/:jobId (and …/errors.xlsx when cells are wrong).
 */
@ApiTags('gradebook')
@Controller('schools/:schoolId/classes/:classId/gradebook/:semester/:subjectCode')
export class GradebookXlsxController {
  constructor(private readonly xlsx: GradebookXlsxService) {}

  @Get('export.xlsx')
  @RequirePermission('grades.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportSheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
    @Param('subjectCode', SubjectCodePipe) subjectCode: string,
  ): Promise<StreamableFile> {
    return attachment(await this.xlsx.exportSheet(scope, actor, schoolId, classId, semester, subjectCode));
  }

  /** The subject's teacher only (teaching assignment, open year, unlocked semester: 403/409/423 otherwise). */
  @Post('import')
  @HttpCode(202)
  @RequirePermission('grades.enter')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importSheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
    @Param('subjectCode', SubjectCodePipe) subjectCode: string,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.xlsx.upload(scope, actor, schoolId, classId, semester, subjectCode, file);
  }
}
