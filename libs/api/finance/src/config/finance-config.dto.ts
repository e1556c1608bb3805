import type { FeeRangeInput, TuitionLevel, TuitionLevelsInput } from '@emis/contracts';
import {
  BILLING_UNITS,
  BillingUnit,
  FEE_AREAS,
  FEE_KINDS,
  FeeArea,
  OtherFeeKind,
  SCHOOL_LEVELS,
  SchoolLevel,
} from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** The largest amount a fee line or level takes: ten billion đồng, far above any school fee, far below 2^53. */
export const MAX_FEE_AMOUNT = 10_000_000_000;

const OTHER_FEE_KINDS = FEE_KINDS.filter((k): k is OtherFeeKind => k !== 'TUITION');

export class SchoolYearQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;
}

export class TuitionLevelDto implements Omit<TuitionLevel, 'schoolYearId'> {
  @ApiProperty({ enum: SCHOOL_LEVELS })
  @IsIn(SCHOOL_LEVELS)
  schoolLevel!: SchoolLevel;

  @ApiProperty({ enum: FEE_AREAS })
  @IsIn(FEE_AREAS)
  area!: FeeArea;

  @ApiProperty({ example: 155_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_AMOUNT)
  monthlyAmount!: number;

  @ApiProperty({ example: 155_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_AMOUNT)
  privateSupportMonthly!: number;
}

/** The year's whole table: 5 levels × 3 areas at most. */
export class TuitionLevelsDto implements TuitionLevelsInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ type: [TuitionLevelDto] })
  @IsArray()
  @ArrayMaxSize(SCHOOL_LEVELS.length * FEE_AREAS.length)
  // An element that is not an object (an array, a number) would pass the nested check with no field to check.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TuitionLevelDto)
  levels!: TuitionLevelDto[];
}

export class FeeRangeDto implements FeeRangeInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ enum: OTHER_FEE_KINDS })
  @IsIn(OTHER_FEE_KINDS)
  feeKind!: OtherFeeKind;

  @ApiProperty({ enum: SCHOOL_LEVELS })
  @IsIn(SCHOOL_LEVELS)
  schoolLevel!: SchoolLevel;

  @ApiProperty({ enum: [...FEE_AREAS, 'ANY'] })
  @IsIn([...FEE_AREAS, 'ANY'])
  area!: FeeArea | 'ANY';

  @ApiProperty({ enum: BILLING_UNITS })
  @IsIn(BILLING_UNITS)
  billingUnit!: BillingUnit;

  @ApiProperty({ example: 300_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_AMOUNT)
  minAmount!: number;

  @ApiProperty({ example: 700_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_AMOUNT)
  maxAmount!: number;

  @ApiProperty({ example: 'Tiền ăn bán trú' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/)
  nameVi!: string;

  @ApiProperty({ example: 'School meals' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/)
  nameEn!: string;
}

export class SchoolSettingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the schools under this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class SchoolAreaDto {
  @ApiProperty({ enum: FEE_AREAS })
  @IsIn(FEE_AREAS)
  area!: FeeArea;
}

export class BankAccountDto {
  @ApiProperty({ nullable: true, example: 'Agribank chi nhánh Kon Tum' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  bankName!: string | null;

  @ApiProperty({ nullable: true, example: '5100205123456' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(/^[0-9A-Za-z-]{4,30}$/)
  bankAccount!: string | null;
}
