import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AccountDetail,
  AccountsAttention,
  AccountSummary,
  BulkAccountResult,
  OneTimeCredential,
  Page,
  PasswordResetRequestItem,
} from '@emis/contracts';
import {
  CurrentPrincipal,
  CurrentScope,
  Principal,
  renderPdf,
  RequirePermission,
  Scope,
  sendPdf,
  streamXlsx,
} from '@emis/api/platform';
import type { Response } from 'express';
import { AccountActionsService } from './account-actions.service';
import {
  AccountActionReasonDto,
  AccountCreateDto,
  AccountListQueryDto,
  AccountRoleChangeDto,
  BulkAccountCreateDto,
  CredentialSheetQueryDto,
  ResetRequestListQueryDto,
} from './accounts.dto';
import { AccountsService } from './accounts.service';
import { BulkAccountsService } from './bulk-accounts.service';
import { CREDENTIAL_COLUMNS, credentialSheetDocument } from './credential-sheet.document';

/** Accounts administration (docs/domain/accounts.md): HTTP only; the rules live in the services. */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly bulk: BulkAccountsService,
    private readonly actions: AccountActionsService,
  ) {}

  @Get()
  @RequirePermission('accounts.read')
  list(@CurrentScope() scope: Scope, @Query() query: AccountListQueryDto): Promise<Page<AccountSummary>> {
    return this.accounts.list(scope, query);
  }

  @Get('attention')
  @RequirePermission('accounts.read')
  attention(@CurrentPrincipal() actor: Principal, @CurrentScope() scope: Scope): Promise<AccountsAttention> {
    return this.accounts.attention(actor, scope);
  }

  @Get('reset-requests')
  @RequirePermission('accounts.manage')
  resetRequests(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Query() query: ResetRequestListQueryDto,
  ): Promise<Page<PasswordResetRequestItem>> {
    return this.accounts.listResetRequests(actor, scope, query);
  }

  @Post('reset-requests/:requestId/dismiss')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  dismissResetRequest(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: AccountActionReasonDto,
  ): Promise<PasswordResetRequestItem> {
    return this.accounts.dismissResetRequest(actor, scope, requestId, body.reason);
  }

  /** The one-time passwords of a bulk creation, for ten minutes, to the administrator who made them. */
  @Get('credential-sheets/:token')
  @RequirePermission('accounts.manage')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async credentialSheet(
    @CurrentPrincipal() actor: Principal,
    @Param('token') token: string,
    @Query() query: CredentialSheetQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const format = query.format ?? 'pdf';
    const sheet = await this.bulk.sheet(actor, token, format);
    // Passwords in clear: no cache, proxy or browser may keep a copy.
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'xlsx')
      await streamXlsx(res, 'tai-khoan-emis.xlsx', 'Tài khoản', CREDENTIAL_COLUMNS, sheet.credentials);
    else sendPdf(res, 'phieu-tai-khoan-emis.pdf', await renderPdf(credentialSheetDocument(sheet)));
  }

  @Post()
  @RequirePermission('accounts.manage')
  create(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Body() body: AccountCreateDto,
  ): Promise<OneTimeCredential> {
    return this.accounts.create(actor, scope, body);
  }

  @Post('bulk')
  @RequirePermission('accounts.manage')
  bulkCreate(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Body() body: BulkAccountCreateDto,
  ): Promise<BulkAccountResult> {
    return this.bulk.create(actor, scope, body);
  }

  @Get(':accountId')
  @RequirePermission('accounts.read')
  detail(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
  ): Promise<AccountDetail> {
    return this.accounts.detail(actor, scope, accountId);
  }

  @Post(':accountId/role')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  changeRole(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountRoleChangeDto,
  ): Promise<AccountDetail> {
    return this.actions.changeRole(actor, scope, accountId, body.role, body.reason);
  }

  @Post(':accountId/disable')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  disable(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountActionReasonDto,
  ): Promise<AccountDetail> {
    return this.actions.disable(actor, scope, accountId, body.reason);
  }

  @Post(':accountId/enable')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  enable(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountActionReasonDto,
  ): Promise<AccountDetail> {
    return this.actions.enable(actor, scope, accountId, body.reason);
  }

  @Post(':accountId/reset-password')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  resetPassword(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountActionReasonDto,
  ): Promise<OneTimeCredential> {
    return this.actions.resetPassword(actor, scope, accountId, body.reason);
  }

  @Post(':accountId/reset-mfa')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  resetMfa(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountActionReasonDto,
  ): Promise<AccountDetail> {
    return this.actions.resetMfa(actor, scope, accountId, body.reason);
  }

  @Post(':accountId/unlock')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('accounts.manage')
  unlock(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountActionReasonDto,
  ): Promise<AccountDetail> {
    return this.actions.unlock(actor, scope, accountId, body.reason);
  }
}
