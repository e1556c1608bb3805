import type { ExpenseInput, ExpenseUpdate } from '@emis/contracts';
import {
  BUDGET_SOURCES,
  BudgetSource,
  EXPENSE_STATUSES,
  ExpenseStatus,
  PAYMENT_METHODS,
  PaymentMethod,
  SPENDING_GROUPS,
  SpendingGroup,
} from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { emptyToNull, IsDay, MAX_DONG, ReversalDto, trimmed } from '../budget/budget.dto';

export class ExpenseInputDto implements ExpenseInput {
  @ApiProperty({ example: '2025-10-20' })
  @IsDay()
  spentOn!: string;

  @ApiProperty({ enum: BUDGET_SOURCES })
  @IsIn(BUDGET_SOURCES)
  fundingSource!: BudgetSource;

  @ApiProperty({ enum: SPENDING_GROUPS })
  @IsIn(SPENDING_GROUPS)
  spendingGroup!: SpendingGroup;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: 4_500_000, description: 'Whole đồng, more than 0' })
  @IsInt()
  @Min(1)
  @Max(MAX_DONG)
  amount!: number;

  @ApiProperty({ example: 'Công ty TNHH Văn phòng phẩm Hồng Hà' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  payee!: string;

  @ApiProperty({ example: 'Mua văn phòng phẩm học kì I' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
}

export class ExpenseUpdateDto extends PartialType(ExpenseInputDto) implements ExpenseUpdate {
  @ApiProperty({ description: 'The version the client saw: a voucher changed since is refused (409)' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ExpenseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({ enum: EXPENSE_STATUSES })
  @IsOptional()
  @IsIn(EXPENSE_STATUSES)
  status?: ExpenseStatus;

  @ApiPropertyOptional({ enum: BUDGET_SOURCES })
  @IsOptional()
  @IsIn(BUDGET_SOURCES)
  fundingSource?: BudgetSource;
}

/** The principal's reason for sending a draft back. */
export class ExpenseRejectionDto {
  @ApiPropertyOptional({ example: 'Thiếu hóa đơn' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** Why and when an approved voucher is undone: the reversal is dated enteredOn, in the books of that day. */
export class ExpenseReversalDto extends ReversalDto {
  @ApiProperty({ example: '2025-11-03' })
  @IsDay()
  enteredOn!: string;
}
