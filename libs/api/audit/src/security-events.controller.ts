import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  SECURITY_EVENT_KINDS,
  type Page,
  type SecurityAlertCount,
  type SecurityEvent,
  type SecurityEventKind,
  type SecurityEventQuery,
} from '@emis/contracts';
import { CurrentPrincipal, PageQueryDto, Principal, RequirePermission } from '@emis/api/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { SecurityEvents } from './security-events.service';

/** ISO 8601 allows year 0, PostgreSQL does not (`?from=0000-01` was a 500). */
const NOT_YEAR_ZERO = /^(?!0000)/;

const asBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SecurityEventQueryDto extends PageQueryDto implements SecurityEventQuery {
  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS })
  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS)
  kind?: SecurityEventKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The school or unit the attempt concerned' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(NOT_YEAR_ZERO)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(NOT_YEAR_ZERO)
  to?: string;

  @ApiPropertyOptional({ description: 'Alerts only' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  alerts?: boolean;

  @ApiPropertyOptional({ description: 'Not yet acknowledged only' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  open?: boolean;
}

/** The department administrator's view of refusals and alerts (docs/security/coverage.md). */
@ApiTags('security')
@Controller('security-events')
export class SecurityEventsController {
  constructor(private readonly events: SecurityEvents) {}

  @Get()
  @RequirePermission('security.events.read')
  list(@Query() query: SecurityEventQueryDto): Promise<Page<SecurityEvent>> {
    return this.events.list(query);
  }

  @Get('open-alerts')
  @RequirePermission('security.events.read')
  openAlerts(): Promise<SecurityAlertCount> {
    return this.events.openAlerts();
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('security.events.read')
  acknowledge(@CurrentPrincipal() actor: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<SecurityEvent> {
    return this.events.acknowledge(id, actor);
  }
}
