import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Charge, ChargeAdjustment, Debtor, FeeAccount, Page } from '@emis/contracts';
import {
  CurrentPrincipal,
  CurrentScope,
  Principal,
  RequirePermission,
  Scope,
  sendPdf,
  streamXlsx,
} from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { ChargesService } from './charges.service';
import { DEBTOR_XLSX_COLUMNS } from './debtors.document';
import { DebtorsService } from './debtors.service';
import {
  ChargeAdjustmentInputDto,
  ChargesQueryDto,
  DebtorsQueryDto,
  FeeAccountQueryDto,
  ReverseAdjustmentDto,
} from './dues.dto';

/** What pupils owe: the charge list, a pupil's account, adjustments and their reversals, the debtor list. */
@ApiTags('finance')
@Controller('schools/:schoolId')
export class ChargesController {
  constructor(
    private readonly charges: ChargesService,
    private readonly debtors: DebtorsService,
    private readonly schools: SchoolsService,
  ) {}

  @Get('charges')
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ChargesQueryDto,
  ): Promise<Page<Charge>> {
    const { periodId, classId, studentId, outstanding } = query;
    return this.charges.list(
      scope,
      schoolId,
      {
        periodId,
        classIds: classId ? [classId] : undefined,
        studentIds: studentId ? [studentId] : undefined,
        outstanding,
      },
      query,
    );
  }

  @Get('students/:studentId/fee-account')
  @RequirePermission('finance.read')
  account(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Query() query: FeeAccountQueryDto,
  ): Promise<FeeAccount> {
    return this.charges.account(scope, schoolId, studentId, query.schoolYearId);
  }

  /** A waiver is also the principal's (finance.approve), checked by the service. */
  @Post('charges/:chargeId/adjustments')
  @RequirePermission('finance.manage')
  adjust(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('chargeId', ParseUUIDPipe) chargeId: string,
    @Body() body: ChargeAdjustmentInputDto,
  ): Promise<ChargeAdjustment> {
    return this.charges.adjust(scope, actor, schoolId, chargeId, body);
  }

  @Post('charge-adjustments/:adjustmentId/reverse')
  @HttpCode(201)
  @RequirePermission('finance.manage')
  reverse(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('adjustmentId', ParseUUIDPipe) adjustmentId: string,
    @Body() body: ReverseAdjustmentDto,
  ): Promise<ChargeAdjustment> {
    return this.charges.reverse(scope, actor, schoolId, adjustmentId, body.reason);
  }

  @Get('debtors')
  @RequirePermission('finance.debtors')
  debtorList(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: DebtorsQueryDto,
  ): Promise<Debtor[]> {
    return this.debtors.list(scope, actor, schoolId, query);
  }

  @Get('debtors/export.xlsx')
  @RequirePermission('finance.debtors')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async debtorsXlsx(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: DebtorsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const debtors = await this.debtors.exportList(scope, actor, schoolId, query);
    const heading = await this.schools.printedHeading(scope, schoolId, 'DANH SÁCH HỌC SINH CÒN NỢ CÁC KHOẢN THU');
    await streamXlsx(res, 'danh-sach-no-phi.xlsx', 'Còn nợ', DEBTOR_XLSX_COLUMNS, debtors, {
      heading,
      signatures: true,
    });
  }

  @Get('debtors.pdf')
  @RequirePermission('finance.debtors')
  @ApiProduces('application/pdf')
  async debtorsPdf(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: DebtorsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    sendPdf(res, 'danh-sach-no-phi.pdf', await this.debtors.pdf(scope, actor, schoolId, query));
  }
}
