import type { FeeExceptionInput } from '@emis/contracts';
import { EXCEPTION_STATUSES, ExceptionStatus, FEE_KINDS, FeeKind } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SchoolYearQueryDto } from '../config/finance-config.dto';

export class FeeExceptionQueryDto extends SchoolYearQueryDto {
  @ApiPropertyOptional({ enum: EXCEPTION_STATUSES })
  @IsOptional()
  @IsIn(EXCEPTION_STATUSES)
  status?: ExceptionStatus;
}

export class FeeExceptionDto implements FeeExceptionInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ enum: FEE_KINDS })
  @IsIn(FEE_KINDS)
  feeKind!: FeeKind;

  @ApiProperty({ minimum: 1, maximum: 100, example: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  percent!: number;

  @ApiProperty({ example: 'Gia đình gặp thiên tai, có xác nhận của xã' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/)
  reason!: string;
}

/** The principal's decision; a rejection says why. */
export class FeeExceptionDecisionDto {
  @ApiPropertyOptional({ nullable: true, example: 'Đồng ý theo biên bản họp hội đồng' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class FeeExceptionRejectionDto {
  @ApiProperty({ example: 'Chưa có xác nhận của xã' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/)
  note!: string;
}
