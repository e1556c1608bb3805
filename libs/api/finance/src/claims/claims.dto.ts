import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ClaimInputDto {
  @ApiProperty({ format: 'uuid', description: 'The fee period claimed for' })
  @IsUUID()
  periodId!: string;
}

export class ClaimListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolYearId?: string;
}
