import type { PaymentInput, RefundInput } from '@emis/contracts';
import { PAYMENT_METHODS, PaymentMethod } from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { IsRealDate, OptionalText, PositiveDong, RequiredText } from '../finance-fields';

/** A bank transfer names the bank's transaction reference: the bank book and the statement match on it. */
const byBank = (o: { method?: PaymentMethod }) => o.method === 'BANK';

export class AllocationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  chargeId!: string;

  @ApiProperty({ description: 'Whole đồng put on this charge' })
  @PositiveDong()
  amount!: number;
}

export class PaymentDto implements PaymentInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: '2025-09-15' })
  @IsRealDate()
  paidOn!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({ nullable: true, description: "The bank's transaction reference (required for BANK)" })
  @ValidateIf(byBank)
  @RequiredText(100)
  bankReference?: string | null;

  @ApiProperty({ description: 'Whole đồng received', example: 1_250_000 })
  @PositiveDong()
  amount!: number;

  @ApiPropertyOptional({ nullable: true, example: 'Lê Thị Hoa' })
  @OptionalText(200)
  payerName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(500)
  note?: string | null;

  @ApiPropertyOptional({ type: [AllocationDto], description: 'Omitted: the oldest outstanding charges first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AllocationDto)
  allocations?: AllocationDto[];
}

export class RefundDto implements RefundInput {
  @ApiProperty({ description: 'Whole đồng paid back (a positive number)', example: 200_000 })
  @PositiveDong()
  amount!: number;

  @ApiProperty({ example: '2025-12-01' })
  @IsRealDate()
  paidOn!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(byBank)
  @RequiredText(100)
  bankReference?: string | null;

  @ApiProperty({ example: 'Học sinh chuyển trường, hoàn tiền ăn tháng 12' })
  @RequiredText(500)
  reason!: string;
}

export class ReverseDto {
  @ApiProperty({ example: 'Nhập nhầm học sinh' })
  @RequiredText(500)
  reason!: string;
}

export class PaymentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-09-01' })
  @IsOptional()
  @IsRealDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsRealDate()
  to?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  studentId?: string;
}

/** The export takes the list's filters without paging. */
export class PaymentExportQueryDto {
  @ApiPropertyOptional({ example: '2025-09-01' })
  @IsOptional()
  @IsRealDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsRealDate()
  to?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;
}
