import { STUDENT_STATUSES, StudentStatus } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Most pupils a search page holds: a person looks for someone, this is not a way to list a school. */
export const SEARCH_MAX_PAGE_SIZE = 50;

/** GET /api/students/search: a name (words in any order, with or without diacritics) or a 12-digit ID number. */
export class StudentSearchQueryDto {
  @ApiProperty({ description: 'Words of the name (any order, diacritics optional) or a 12-digit personal ID' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the page before' })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  @Matches(/^[A-Za-z0-9_-]+$/, { context: { rule: 'searchCursor' } })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ enum: STUDENT_STATUSES })
  @IsOptional()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;
}
