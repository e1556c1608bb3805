import { ApiProperty } from '@nestjs/swagger';
import { EXPORT_REASON_LENGTH } from '@emis/domain';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

/**
 * Why a file of personal data leaves the system (Decree 356/2025/NĐ-CP: processing for a stated purpose): required
 * on every export of personal data and kept in the EXPORT audit row (docs/security/guard.md).
 */
export class ExportReasonDto {
  @ApiProperty({
    minLength: EXPORT_REASON_LENGTH.min,
    maxLength: EXPORT_REASON_LENGTH.max,
    example: 'Báo cáo sĩ số đầu năm gửi Phòng GD&ĐT',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(EXPORT_REASON_LENGTH.min)
  @MaxLength(EXPORT_REASON_LENGTH.max)
  reason!: string;
}
