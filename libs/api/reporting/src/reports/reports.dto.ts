import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import type {
  AssetsReportQuery,
  CompareMeasure,
  CompareQuery,
  FinanceReportQuery,
  ReportFilterQuery,
  ReportPeriod,
} from '@emis/contracts';
import { COMPARE_MEASURES } from '@emis/contracts';
import { COMPARE_MEASURE_CODES, SCHOOL_LEVELS, SCHOOL_OWNERSHIPS, SchoolLevel, SchoolOwnership } from '@emis/domain';
import type { CompareMeasureCode } from '@emis/domain';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const REPORT_PERIODS: readonly ReportPeriod[] = ['HK1', 'HK2', 'CN'];
const DATE_RULE = { context: { rule: 'isRealDate' } };

// The contract's measures and the domain's definitions are one list: a measure added to one fails to compile here.
const SAME_MEASURES: readonly CompareMeasureCode[] = COMPARE_MEASURES;
const SAME_CODES: readonly CompareMeasure[] = COMPARE_MEASURE_CODES;
void [SAME_MEASURES, SAME_CODES];

/** The filter of a unit, school or class report (query string); defaults are resolved by the service. */
export class ReportFilterQueryDto implements ReportFilterQuery {
  @ApiPropertyOptional({ description: 'The school year; default: the open year.' })
  @IsOptional()
  @IsUUID()
  yearId?: string;

  @ApiPropertyOptional({ enum: REPORT_PERIODS, description: 'HK1, HK2 or CN; default: HK1 in semester I, else CN.' })
  @IsOptional()
  @IsIn(REPORT_PERIODS)
  period?: ReportPeriod;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, description: 'Only schools teaching this level.' })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  level?: SchoolLevel;

  @ApiPropertyOptional({ enum: SCHOOL_OWNERSHIPS })
  @IsOptional()
  @IsIn(SCHOOL_OWNERSHIPS)
  ownership?: SchoolOwnership;

  @ApiPropertyOptional({ description: 'yyyy-MM-dd: roll up through the org tree as it was that day; default today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE_RULE)
  @IsISO8601({ strict: true }, DATE_RULE)
  asOf?: string;

  @ApiPropertyOptional({
    description:
      "The unit of the comparison or job; default: the caller's own. A report naming its unit in the path ignores it.",
  })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

/** The comparison: one measure for every school under `orgUnitId`. */
export class CompareQueryDto extends ReportFilterQueryDto implements CompareQuery {
  @ApiProperty({ enum: COMPARE_MEASURES })
  @IsIn(COMPARE_MEASURES)
  measure!: CompareMeasure;

  @ApiPropertyOptional({ description: 'The subject of subjectMean (required for it), e.g. TOAN.' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,20}$/)
  subjectCode?: string;

  @ApiPropertyOptional({ description: 'Only this grade (subjectMean).' })
  @IsOptional()
  @Matches(/^\d{1,2}$/)
  @MaxLength(2)
  grade?: string;
}

/** The filter of a job: the report filter and the org unit (orgUnitId) whose schools the workbook lists. */
export class ReportJobFilterDto extends ReportFilterQueryDto {}

export const REPORT_JOB_KINDS = ['PROVINCE_WORKBOOK'] as const;

export class CreateReportJobDto {
  @ApiProperty({ enum: REPORT_JOB_KINDS })
  @IsIn(REPORT_JOB_KINDS)
  kind!: (typeof REPORT_JOB_KINDS)[number];

  @ApiProperty({ type: ReportJobFilterDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReportJobFilterDto)
  filter!: ReportJobFilterDto;
}

/** The filter of the public assets' report: the register stands now, so no school year or period. */
export class AssetsReportQueryDto
  extends PickType(ReportFilterQueryDto, ['level', 'ownership', 'asOf'] as const)
  implements AssetsReportQuery {}

/**
 * The filter of the finance report: the school year of the dues, the fiscal (calendar) year of the budget, and the
 * schools' level, ownership and the org tree's day.
 */
export class FinanceReportQueryDto
  extends PickType(ReportFilterQueryDto, ['yearId', 'level', 'ownership', 'asOf'] as const)
  implements FinanceReportQuery
{
  @ApiPropertyOptional({ description: 'The budget year; default: the calendar year the school year starts in.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  fiscalYear?: number;
}
