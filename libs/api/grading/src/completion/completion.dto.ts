import type { CompletionCouncilInput, CompletionDecisionInput, CompletionDecisionsInput } from '@emis/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class CompletionYearQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  yearId!: string;
}

export class CompletionCouncilInputDto implements CompletionCouncilInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ example: '2026-06-05' })
  @IsString()
  @Matches(ISO_DATE, { context: { rule: 'isRealDate' } })
  heldOn!: string;

  @ApiProperty({ example: 'Nguyễn Văn Hiệu', description: 'The chair: the principal, who certifies from 2025-26.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  chairName!: string;

  @ApiProperty({ type: [String], example: ['Trần Thị Phó', 'Lê Văn Thư'] })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  members!: string[];
}

export class CompletionDecisionInputDto implements CompletionDecisionInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId!: string;

  @ApiProperty()
  @IsBoolean()
  completes!: boolean;

  @ApiPropertyOptional({ nullable: true, example: 'Nghỉ quá 45 buổi' })
  @Transform(trim)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class CompletionDecisionsInputDto implements CompletionDecisionsInput {
  @ApiProperty({ type: [CompletionDecisionInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CompletionDecisionInputDto)
  decisions!: CompletionDecisionInputDto[];
}
