import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SessionItem, SessionsEnded } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { EndAccountSessionsDto } from './sessions.dto';
import { SessionsService } from './sessions.service';

/** An administrator's view of an account's sessions, and "end them all" (a lost phone, a departure). */
@ApiTags('accounts')
@Controller('accounts/:accountId/sessions')
@RequirePermission('accounts.manage')
export class AccountSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  list(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
  ): Promise<SessionItem[]> {
    return this.sessions.listOfAccount(actor, scope, accountId);
  }

  @Post('end')
  @HttpCode(HttpStatus.OK)
  end(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: EndAccountSessionsDto,
  ): Promise<SessionsEnded> {
    return this.sessions.endAllOfAccount(actor, scope, accountId, body.reason);
  }
}
