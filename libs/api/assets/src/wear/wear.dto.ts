import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidationProblem } from '@emis/api/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** The years a wear table or run may name (the table's own bounds). */
const YEAR = { min: 1990, max: 2200 } as const;

export class WearYearQueryDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(YEAR.min)
  @Max(YEAR.max)
  year!: number;
}

/** POST …/asset-wear/runs: the year to post (Art. 12.1.a: from 1 December of it on). */
export class WearRunInputDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(YEAR.min)
  @Max(YEAR.max)
  year!: number;
}

/** `:year` in a path: four digits within the table's bounds (the global pipe may already have made it a number). */
@Injectable()
export class WearYearPipe implements PipeTransform<string | number, number> {
  transform(value: string | number, meta: ArgumentMetadata): number {
    const year = /^\d{4}$/.test(String(value)) ? Number(value) : NaN;
    if (year >= YEAR.min && year <= YEAR.max) return year;
    throw new ValidationProblem([{ field: meta.data ?? 'year', rule: 'inRange', args: [YEAR.min, YEAR.max] }]);
  }
}
