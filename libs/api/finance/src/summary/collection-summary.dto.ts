import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { SummaryBy } from './collection-summary';

export const SUMMARY_BY: readonly SummaryBy[] = ['class', 'grade', 'period'];

export class CollectionSummaryQueryDto {
  @ApiProperty()
  @IsUUID()
  schoolYearId!: string;

  @ApiPropertyOptional({ description: 'One period of the year; default: every period.' })
  @IsOptional()
  @IsUUID()
  periodId?: string;

  @ApiPropertyOptional({ enum: SUMMARY_BY, default: 'class' })
  @IsOptional()
  @IsIn(SUMMARY_BY)
  by?: SummaryBy;
}
