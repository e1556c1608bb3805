import type {
  StatisticalFormQuery,
  StatisticalReminderInput,
  StatisticalReopenInput,
  StatisticalReportKind,
  StatisticalReportStatus,
  StatisticalSubmitInput,
} from '@emis/contracts';
import { STATISTICAL_REPORT_KINDS } from '@emis/domain';
import { ValidationProblem } from '@emis/api/platform';
import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const STATUSES: StatisticalReportStatus[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'REOPENED'];
/** Far above any school's rooms or computers: a typo of a few extra digits is refused rather than summed. */
const MAX_FIGURE = 100_000;

/** The `:kind` of a form's path: START_OF_YEAR or END_OF_YEAR, else a field error. */
export class StatisticalKindPipe implements PipeTransform<string, StatisticalReportKind> {
  transform(value: string, meta: ArgumentMetadata): StatisticalReportKind {
    if ((STATISTICAL_REPORT_KINDS as readonly string[]).includes(value)) return value as StatisticalReportKind;
    throw new ValidationProblem([{ field: meta.data ?? 'kind', rule: 'isIn', args: [STATISTICAL_REPORT_KINDS] }]);
  }
}

/** Rooms and equipment the school types in (Emis keeps no asset register yet); null clears a figure. */
export class ManualFiguresDto {
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_FIGURE)
  CLASSROOMS?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_FIGURE)
  SUBJECT_ROOMS?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_FIGURE)
  LABORATORIES?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_FIGURE)
  LIBRARIES?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_FIGURE)
  COMPUTERS?: number | null;
}

/** The body of PUT …/manual (StatisticalManualInput, with the figures the form knows). */
export class StatisticalManualDto {
  @ApiProperty({ type: ManualFiguresDto })
  @ValidateNested()
  @Type(() => ManualFiguresDto)
  manual!: ManualFiguresDto;

  @ApiProperty({ description: '0 before the first save' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  version!: number;
}

export class StatisticalSubmitDto implements StatisticalSubmitInput {
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  version!: number;
}

export class StatisticalReopenDto implements StatisticalReopenInput {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class StatisticalFormQueryDto implements StatisticalFormQuery {
  @ApiProperty()
  @IsUUID()
  yearId!: string;

  @ApiProperty({ enum: STATISTICAL_REPORT_KINDS })
  @IsIn(STATISTICAL_REPORT_KINDS)
  kind!: StatisticalReportKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class StatisticalStatusQueryDto extends StatisticalFormQueryDto {
  @ApiPropertyOptional({ description: "Part of a school's name or code" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: StatisticalReportStatus;
}

export class StatisticalReminderDto implements StatisticalReminderInput {
  @ApiProperty()
  @IsUUID()
  yearId!: string;

  @ApiProperty({ enum: STATISTICAL_REPORT_KINDS })
  @IsIn(STATISTICAL_REPORT_KINDS)
  kind!: StatisticalReportKind;

  @ApiProperty()
  @IsUUID()
  orgUnitId!: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  message!: string;
}
