import type { PromotionRequest } from '@emis/contracts';
import { GRADE_LEVELS, GradeLevel } from '@emis/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';

export class PromotionPreviewQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  yearId!: string;

  @ApiProperty({ enum: GRADE_LEVELS })
  @IsIn(GRADE_LEVELS)
  grade!: GradeLevel;
}

export class PromotionRequestDto implements PromotionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ enum: GRADE_LEVELS })
  @IsIn(GRADE_LEVELS)
  grade!: GradeLevel;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  repeaterIds!: string[];
}
