import type { TransferAccept, TransferDecision, TransferRequest } from '@emis/contracts';
import { TRANSFER_STATUSES, TransferStatus } from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsRealDate } from './student-rules';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TransferRequestDto implements TransferRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toSchoolId!: string;

  @ApiProperty({ example: '2025-11-20' })
  @IsRealDate()
  effectiveOn!: string;

  @ApiProperty({ example: 'Gia đình chuyển nơi ở' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason!: string;
}

export class TransferAcceptDto implements TransferAccept {
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  classId?: string | null;
}

export class TransferDecisionDto implements TransferDecision {
  @ApiProperty({ example: 'Trường đã đủ sĩ số' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  note!: string;
}

export class TransferListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['IN', 'OUT'] })
  @IsOptional()
  @IsIn(['IN', 'OUT'])
  direction?: 'IN' | 'OUT';

  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES)
  status?: TransferStatus;
}

export class TransferTargetQueryDto {
  @ApiPropertyOptional({ description: 'Name (without diacritics) or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
