import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { ClassGradebook, GradeSheet, GradeSheetSave, ScoreChange } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { GradeSheetSavePipe } from './grade-sheet-save.pipe';
import { GradeSheetSaveDto, HistoryQueryDto, SemesterPipe, SemesterQueryDto, SubjectCodePipe } from './gradebook.dto';
import { GradebookService } from './gradebook.service';

@ApiTags('gradebook')
@Controller('schools/:schoolId/classes/:classId/gradebook')
export class GradebookController {
  constructor(private readonly gradebook: GradebookService) {}

  @Get()
  @RequirePermission('grades.read')
  overview(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: SemesterQueryDto,
  ): Promise<ClassGradebook> {
    return this.gradebook.overview(scope, actor, schoolId, classId, query.semester);
  }

  @Get(':semester/:subjectCode')
  @RequirePermission('grades.read')
  sheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
    @Param('subjectCode', SubjectCodePipe) subjectCode: string,
  ): Promise<GradeSheet> {
    return this.gradebook.readSheet(scope, actor, schoolId, classId, semester, subjectCode);
  }

  /**
   * The subject's teacher only (checked by the service against teaching assignments: 403 otherwise). The body is
   * GradeSheetSaveDto, checked by GradeSheetSavePipe (the DTO's rules, the same field errors, without walking 45 rows
   * through class-transformer and class-validator on every save). The answer, a GradeSaveResult, is sent as the JSON
   * text the save kept for retries (serialised once); a refusal still leaves as problem+json (ProblemFilter sets it).
   */
  @Put(':semester/:subjectCode')
  @RequirePermission('grades.enter')
  @ApiBody({ type: GradeSheetSaveDto })
  @Header('Content-Type', 'application/json; charset=utf-8')
  save(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
    @Param('subjectCode', SubjectCodePipe) subjectCode: string,
    @Body(GradeSheetSavePipe) body: GradeSheetSave,
  ): Promise<string> {
    return this.gradebook.save(scope, actor, schoolId, classId, semester, subjectCode, body);
  }

  @Get(':semester/:subjectCode/history')
  @RequirePermission('grades.read')
  history(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
    @Param('subjectCode', SubjectCodePipe) subjectCode: string,
    @Query() query: HistoryQueryDto,
  ): Promise<ScoreChange[]> {
    return this.gradebook.history(
      scope,
      actor,
      schoolId,
      classId,
      semester,
      subjectCode,
      query.studentId,
      query.column,
    );
  }
}
