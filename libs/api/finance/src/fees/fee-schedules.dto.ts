import type { FeeScheduleInput, FeeScheduleUpdate } from '@emis/contracts';
import { BILLING_UNITS, BillingUnit, FEE_KINDS, FeeKind, GRADE_LEVELS } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_FEE_AMOUNT } from '../config/finance-config.dto';

const NAME = /\S/;

export class FeeScheduleDto implements FeeScheduleInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ enum: FEE_KINDS })
  @IsIn(FEE_KINDS)
  feeKind!: FeeKind;

  @ApiProperty({ example: 'Tiền ăn bán trú' })
  @IsString()
  @MaxLength(200)
  @Matches(NAME)
  name!: string;

  @ApiProperty({ enum: BILLING_UNITS })
  @IsIn(BILLING_UNITS)
  billingUnit!: BillingUnit;

  @ApiProperty({ example: 450_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_AMOUNT)
  amount!: number;

  @ApiPropertyOptional({ type: [String], example: ['6', '7'], description: 'Grades it applies to; empty: every grade' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GRADE_LEVELS.length)
  @IsIn(GRADE_LEVELS, { each: true })
  grades?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  voluntary?: boolean;

  @ApiPropertyOptional({ nullable: true, example: '15/QĐ-THCS' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  decisionNumber?: string | null;
}

/** A change to a draft: the fields sent replace the draft's; the version it was read at. */
export class FeeScheduleUpdateDto implements FeeScheduleUpdate {
  @ApiPropertyOptional({ example: 'Tiền ăn bán trú' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NAME)
  name?: string;

  @ApiPropertyOptional({ enum: BILLING_UNITS })
  @IsOptional()
  @IsIn(BILLING_UNITS)
  billingUnit?: BillingUnit;

  @ApiPropertyOptional({ example: 450_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_AMOUNT)
  amount?: number;

  @ApiPropertyOptional({ type: [String], example: ['6', '7'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GRADE_LEVELS.length)
  @IsIn(GRADE_LEVELS, { each: true })
  grades?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  voluntary?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  decisionNumber?: string | null;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** Adoption: the number and date of the decision that approved the fee. */
export class FeeScheduleAdoptionDto {
  @ApiProperty({ example: '15/QĐ-THCS' })
  @IsString()
  @MaxLength(100)
  @Matches(NAME)
  decisionNumber!: string;

  /** A calendar date; that it exists (no 31 April) is checked by the service with the domain's isRealDate. */
  @ApiProperty({ example: '2025-08-25' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { rule: 'isRealDate' } })
  adoptedOn!: string;
}

export class AdoptProvinceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;
}
