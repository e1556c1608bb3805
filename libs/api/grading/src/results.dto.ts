import type { ResultPeriod } from '@emis/contracts';
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ValidationProblem } from '@emis/api/platform';

export const RESULT_PERIODS: readonly ResultPeriod[] = ['HK1', 'HK2', 'CN'];

/** `:period` in a path: HK1, HK2 or CN, else a field error. */
@Injectable()
export class PeriodPipe implements PipeTransform<string, ResultPeriod> {
  transform(value: string, meta: ArgumentMetadata): ResultPeriod {
    if ((RESULT_PERIODS as readonly string[]).includes(value)) return value as ResultPeriod;
    throw new ValidationProblem([{ field: meta.data ?? 'period', rule: 'isIn', args: [RESULT_PERIODS] }]);
  }
}

export class PeriodQueryDto {
  @ApiProperty({ enum: RESULT_PERIODS, description: 'HK1: semester I, HK2: semester II, CN: the whole year.' })
  @IsIn(RESULT_PERIODS)
  period!: ResultPeriod;
}

export class ReportCardQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ description: 'One pupil; the whole class when omitted.' })
  @IsOptional()
  @IsUUID()
  studentId?: string;
}
