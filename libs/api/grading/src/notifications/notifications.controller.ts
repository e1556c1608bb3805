import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AppNotification, NotificationPage, UnreadCount } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, PageQueryDto, Principal, Scope } from '@emis/api/platform';
import { NotificationsService } from './notifications.service';

/** The caller's own in-app notifications: any signed-in user, no permission beyond being the recipient. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  mine(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQueryDto,
  ): Promise<NotificationPage> {
    return this.notifications.mine(scope, actor, query);
  }

  /** The bell's count, polled by the shell. */
  @Get('unread')
  unread(@CurrentScope() scope: Scope, @CurrentPrincipal() actor: Principal): Promise<UnreadCount> {
    return this.notifications.unread(scope, actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  markRead(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AppNotification> {
    return this.notifications.markRead(scope, actor, id);
  }
}
