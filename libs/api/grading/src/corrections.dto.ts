import type { CorrectionDecision, CorrectionRequestInput, GradingLockInput } from '@emis/contracts';
import { GRADE_LEVELS } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '@emis/api/platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LockInputDto implements GradingLockInput {
  @ApiProperty()
  @IsUUID()
  yearId!: string;

  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  semester!: 1 | 2;

  @ApiPropertyOptional({ enum: GRADE_LEVELS })
  @IsOptional()
  @IsIn(GRADE_LEVELS)
  grade?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ example: 'TOAN' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,40}$/)
  subjectCode?: string;

  @ApiPropertyOptional({ example: 'GK' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,20}$/)
  columnKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class LocksQueryDto {
  @ApiProperty()
  @IsUUID()
  yearId!: string;
}

export class CorrectionInputDto implements CorrectionRequestInput {
  @ApiProperty()
  @IsUUID()
  classId!: string;

  @ApiProperty({ example: 'TOAN' })
  @IsString()
  @Matches(/^[A-Z0-9_]{1,40}$/)
  subjectCode!: string;

  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  semester!: 1 | 2;

  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true },
    example: { CK: 8.5 },
  })
  @IsObject()
  cells!: Record<string, number | string | null>;

  @ApiProperty({ example: 'Nhập nhầm điểm bài kiểm tra cuối kì' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}

export class CorrectionDecisionDto implements CorrectionDecision {
  @ApiPropertyOptional()
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CorrectionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'REJECTED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'REJECTED'])
  status?: 'PENDING' | 'APPROVED' | 'REJECTED';
}
