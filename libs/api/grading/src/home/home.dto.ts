import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** `?yearId=&semester=`: both optional; the home picks the open year and today's semester otherwise. */
export class HomeQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  yearId?: string;

  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2])
  semester?: 1 | 2;
}
