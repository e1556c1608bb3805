import type { BudgetEntryInput } from '@emis/contracts';
import { BUDGET_SOURCES, BudgetSource, SPENDING_GROUPS, SpendingGroup } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** The largest amount of money the API takes, in đồng: JSON numbers stay exact below 2^53 (≈ 9·10^15). */
export const MAX_DONG = 9_000_000_000_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = { context: { rule: 'isRealDate' } };
/** Fiscal years are calendar years (Law on the State Budget 2015, Art. 14); the table admits 2000–2200. */
const FISCAL_YEARS = { min: 2000, max: 2200 };

export const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;
export const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });

/** A real calendar day written yyyy-MM-dd (2025-02-30 is refused). */
export function IsDay(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Matches(DATE, dateRule)(target, key);
    IsISO8601({ strict: true }, dateRule)(target, key);
  };
}

export class FiscalYearQueryDto {
  @ApiProperty({ example: 2025, description: 'The fiscal (calendar) year' })
  @Type(() => Number)
  @IsInt()
  @Min(FISCAL_YEARS.min)
  @Max(FISCAL_YEARS.max)
  fiscalYear!: number;
}

export class BudgetEntryInputDto implements BudgetEntryInput {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(FISCAL_YEARS.min)
  @Max(FISCAL_YEARS.max)
  fiscalYear!: number;

  @ApiProperty({
    enum: ['ESTIMATE', 'ALLOCATION', 'ADJUSTMENT'],
    description: 'ESTIMATE and ADJUSTMENT: finance.manage; ALLOCATION: finance.allocate',
  })
  @IsIn(['ESTIMATE', 'ALLOCATION', 'ADJUSTMENT'])
  kind!: 'ESTIMATE' | 'ALLOCATION' | 'ADJUSTMENT';

  @ApiProperty({ enum: BUDGET_SOURCES })
  @IsIn(BUDGET_SOURCES)
  fundingSource!: BudgetSource;

  @ApiProperty({ enum: SPENDING_GROUPS })
  @IsIn(SPENDING_GROUPS)
  spendingGroup!: SpendingGroup;

  @ApiProperty({ example: 250_000_000, description: 'Whole đồng; only an adjustment may be negative' })
  @IsInt()
  @Min(-MAX_DONG)
  @Max(MAX_DONG)
  amount!: number;

  @ApiProperty({ example: '2025-01-15' })
  @IsDay()
  enteredOn!: string;

  @ApiPropertyOptional({ example: '125/QĐ-UBND', description: 'Required for an allocation' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(50)
  decisionNumber?: string | null;

  @ApiPropertyOptional({ example: '2025-01-10' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsDay()
  decisionDate?: string | null;

  @ApiPropertyOptional()
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** Why an entry or a voucher is reversed: kept on the reversing row. */
export class ReversalDto {
  @ApiProperty({ example: 'Nhập nhầm nguồn kinh phí' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
