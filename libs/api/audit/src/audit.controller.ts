import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntry, ChainVerification, Page } from '@emis/contracts';
import { CurrentScope, PageQueryDto, RequirePermission, Scope } from '@emis/api/platform';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { AuditService } from './audit.service';

export class AuditListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}

export class AuditVerifyQueryDto {
  @ApiProperty()
  @IsUUID()
  schoolId!: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  list(@CurrentScope() scope: Scope, @Query() query: AuditListQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(scope, query);
  }

  @Get('verify')
  @RequirePermission('audit.verify')
  verify(@CurrentScope() scope: Scope, @Query() query: AuditVerifyQueryDto): Promise<ChainVerification> {
    return this.audit.verify(scope, query.schoolId);
  }
}
