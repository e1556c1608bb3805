import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SessionItem, SessionsEnded } from '@emis/contracts';
import { CurrentPrincipal, Principal, RequirePermission } from '@emis/api/platform';
import { SessionsService } from './sessions.service';

/** The caller's own sessions (the account page): list them, end one, end all the others. */
@ApiTags('auth')
@Controller('auth/sessions')
@RequirePermission('account.sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  list(@CurrentPrincipal() me: Principal): Promise<SessionItem[]> {
    return this.sessions.listFor(me.userId, me.sessionId);
  }

  @Delete(':sessionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  end(@CurrentPrincipal() me: Principal, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<void> {
    return this.sessions.endOwn(me.userId, sessionId);
  }

  @Post('end-others')
  @HttpCode(HttpStatus.OK)
  endOthers(@CurrentPrincipal() me: Principal): Promise<SessionsEnded> {
    return this.sessions.endOthers(me.userId, me.sessionId);
  }
}
