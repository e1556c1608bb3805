import type { GradeRowChange, GradeSheetSave } from '@emis/contracts';
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ValidationProblem } from '@emis/api/platform';

/** `:semester` in a path: 1 or 2, else a field error (never a 500 or a silent default). */
@Injectable()
export class SemesterPipe implements PipeTransform<string | number, 1 | 2> {
  transform(value: string | number, meta: ArgumentMetadata): 1 | 2 {
    // The global validation pipe may already have turned '1' into 1 (the parameter is typed as a number).
    if (String(value) === '1' || String(value) === '2') return Number(value) as 1 | 2;
    throw new ValidationProblem([{ field: meta.data ?? 'semester', rule: 'isIn', args: [[1, 2]] }]);
  }
}

/** `:subjectCode` in a path: an upper-case catalogue code (unknown codes answer 404 from the service). */
@Injectable()
export class SubjectCodePipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (/^[A-Z0-9_]{1,40}$/.test(value)) return value;
    throw new ValidationProblem([{ field: meta.data ?? 'subjectCode', rule: 'unknownSubject', args: [] }]);
  }
}

export class SemesterQueryDto {
  @ApiProperty({ enum: [1, 2] })
  @Type(() => Number)
  @IsIn([1, 2])
  semester!: 1 | 2;
}

export class HistoryQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  studentId?: string;

  @ApiPropertyOptional({ example: 'TX1' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  column?: string;
}

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export class GradeRowChangeDto implements GradeRowChange {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ description: 'The row version the change is based on (0 when nothing was saved yet).' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  version!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true },
    example: { TX1: 8, GK: 7.5 },
  })
  @IsOptional()
  @IsObject()
  cells?: Record<string, number | string | null>;

  @ApiPropertyOptional({ nullable: true, example: 'Tiến bộ rõ trong học kì' })
  @Transform(trimToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  comment?: string | null;
}

export class GradeSheetSaveDto implements GradeSheetSave {
  @ApiProperty({ description: 'Idempotency key: a retry with the same id returns the first answer.' })
  @IsUUID()
  requestId!: string;

  @ApiProperty({ type: [GradeRowChangeDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GradeRowChangeDto)
  rows!: GradeRowChangeDto[];
}
