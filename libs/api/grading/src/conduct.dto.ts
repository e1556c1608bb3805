import type { ConductSheetSave } from '@emis/contracts';
import type { Level4, QualityRating } from '@emis/domain';
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

const LEVELS: readonly Level4[] = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export class ConductRowChangeDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ description: 'The row version the change is based on (0 when nothing was saved yet).' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  version!: number;

  @ApiPropertyOptional({
    enum: LEVELS,
    nullable: true,
    description:
      'Circular 22 training level; Circular 58 conduct as the same four levels (Trung bình = DAT, Yếu = CHUA_DAT). Not for Circular 27.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(LEVELS)
  training?: Level4 | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['TOT', 'DAT', 'CAN_CO_GANG'], nullable: true },
    description: 'Circular 27 only: quality/competency code → rating; null clears it.',
    example: { YEU_NUOC: 'TOT' },
  })
  @IsOptional()
  @IsObject()
  qualities?: Record<string, QualityRating | null>;

  @ApiPropertyOptional({ nullable: true, example: 'Ngoan, lễ phép' })
  @Transform(trimToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  comment?: string | null;
}

export class ConductSheetSaveDto implements ConductSheetSave {
  @ApiProperty({ type: [ConductRowChangeDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConductRowChangeDto)
  rows!: ConductRowChangeDto[];
}
