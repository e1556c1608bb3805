import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BANK_LINE_STATUSES, BankLineStatus } from '@emis/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** The multipart fields besides the file: the account the statement is of (as the bank prints it). */
export class BankStatementUploadDto {
  @ApiPropertyOptional({ example: '0123456789 — Vietcombank Thanh Hoá' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bankAccount?: string;
}

export class BankLinesQueryDto {
  @ApiPropertyOptional({ enum: BANK_LINE_STATUSES })
  @IsOptional()
  @IsIn(BANK_LINE_STATUSES)
  status?: BankLineStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  statementId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class ChosenAllocationDto {
  @ApiProperty()
  @IsUUID()
  chargeId!: string;

  @ApiProperty({ example: 1_500_000 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;
}

/** POST …/bank-lines/:lineId/match: the pupil the money is for, and the charges it settles (else the oldest first). */
export class BankLineMatchDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiPropertyOptional({ type: [ChosenAllocationDto] })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ChosenAllocationDto)
  allocations?: ChosenAllocationDto[];
}

/** POST …/bank-lines/:lineId/ignore: why the line is not a pupil's payment. */
export class BankLineIgnoreDto {
  @ApiProperty({ example: 'Phí quản lý tài khoản của ngân hàng' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  note!: string;
}
