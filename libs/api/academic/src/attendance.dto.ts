import type { AttendanceSheetUpdate } from '@emis/contracts';
import { ATTENDANCE_STATUSES, AttendanceStatus } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class AttendanceEntryDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;

  @ApiPropertyOptional({ nullable: true, example: 'Ốm, phụ huynh xin phép' })
  @Transform(({ value }) =>
    typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value,
  )
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

/** The day's sheet; students not listed keep what was recorded, and an empty list changes nothing. */
export class AttendanceSheetUpdateDto implements AttendanceSheetUpdate {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class MonthQueryDto {
  /** yyyy-MM of a month that exists: PostgreSQL has no year 0 (`?month=0000-01` was a 500). */
  @ApiProperty({ example: '2026-11' })
  @IsString()
  @Matches(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/)
  month!: string;
}
