import type { YearRecognitionSave } from '@emis/contracts';
import { RECOGNITION_DECISIONS, RecognitionDecision, RecognitionKind } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const KINDS: readonly RecognitionKind[] = ['AWARD', 'COMPLETION'];
const DECISIONS: readonly RecognitionDecision[] = [...RECOGNITION_DECISIONS.AWARD, ...RECOGNITION_DECISIONS.COMPLETION];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export class RecognitionDecisionDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ enum: KINDS, description: 'AWARD: the award or title; COMPLETION: Circular 27 programme completion.' })
  @IsIn(KINDS)
  kind!: RecognitionKind;

  @ApiProperty({ enum: DECISIONS, description: 'NONE gives no award.' })
  @IsIn(DECISIONS)
  decision!: RecognitionDecision;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Required for Học sinh tiêu biểu and for any decision other than the proposal.',
    example: 'Tiến bộ vượt bậc môn Toán, được tập thể lớp công nhận',
  })
  @Transform(trimToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  reason?: string | null;

  @ApiProperty({ description: 'The version of the decision it replaces (0 for a first decision).' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  version!: number;
}

export class YearRecognitionSaveDto implements YearRecognitionSave {
  @ApiProperty({ type: [RecognitionDecisionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => RecognitionDecisionDto)
  decisions!: RecognitionDecisionDto[];

  @ApiPropertyOptional({
    nullable: true,
    description: "The principal's decision these decisions are recorded under; with decisionDate, or neither.",
    example: '45/QĐ-THCS',
  })
  @Transform(trimToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(50)
  decisionNumber?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The date the decision was signed (yyyy-MM-dd).',
    example: '2027-05-28',
  })
  @Transform(trimToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(ISO_DATE, { context: { rule: 'isRealDate' } })
  decisionDate?: string | null;
}

/** The school year of the award-decisions screen and its export. */
export class RecognitionYearQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  yearId!: string;
}
