import type { ChargeAdjustmentInput, FeePeriodInput } from '@emis/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';
import { PageQueryDto } from '@emis/api/platform';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day that exists, yyyy-MM-dd (the rule 'isRealDate' words the error). */
const DATE_RULE = { context: { rule: 'isRealDate' } };
/** Money of one charge, whole đồng, below 2^53 so that JSON carries it exactly. */
const MAX_DONG = 9_000_000_000_000_000;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;
const asBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class FeePeriodInputDto implements FeePeriodInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ example: 'T09', description: 'Short code, unique in the school year (HK1, HK2, T09…)' })
  @Transform(trimmed)
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { context: { rule: 'financePeriodCode' } })
  code!: string;

  @ApiProperty({ example: 'Tháng 9/2025' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2025-09-05' })
  @IsDateString({ strict: true }, DATE_RULE)
  @Matches(ISO_DATE, DATE_RULE)
  startsOn!: string;

  @ApiProperty({ example: '2025-09-30' })
  @IsDateString({ strict: true }, DATE_RULE)
  @Matches(ISO_DATE, DATE_RULE)
  endsOn!: string;

  @ApiProperty({ minimum: 1, maximum: 12, description: 'Months of tuition the period bills' })
  @IsInt()
  @Min(1)
  @Max(12)
  months!: number;

  @ApiPropertyOptional({ nullable: true, example: '2025-10-15' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE_RULE)
  @Matches(ISO_DATE, DATE_RULE)
  dueOn?: string | null;
}

export class SchoolYearChoiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;
}

export class FeePeriodsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolYearId?: string;
}

export class GenerateChargesDto {
  @ApiPropertyOptional({ description: 'Work out what a run would write, writing nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class ChargesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  periodId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  studentId?: string;

  @ApiPropertyOptional({ description: 'Only charges with something still owed' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  outstanding?: boolean;
}

export class FeeAccountQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the charges of this school year' })
  @IsOptional()
  @IsUUID()
  schoolYearId?: string;
}

export class DebtorsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  periodId?: string;
}

export class ChargeAdjustmentInputDto implements ChargeAdjustmentInput {
  @ApiProperty({ enum: ['WAIVER', 'CORRECTION'] })
  @IsIn(['WAIVER', 'CORRECTION'])
  kind!: 'WAIVER' | 'CORRECTION';

  @ApiProperty({ description: 'Signed whole đồng: negative lowers what is owed (a waiver is negative)' })
  @Type(() => Number)
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_DONG)
  @Max(MAX_DONG)
  amount!: number;

  @ApiProperty({ example: 'Gia đình khó khăn đột xuất, Hiệu trưởng đồng ý miễn' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: '2025-10-15' })
  @IsDateString({ strict: true }, DATE_RULE)
  @Matches(ISO_DATE, DATE_RULE)
  enteredOn!: string;
}

export class ReverseAdjustmentDto {
  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
