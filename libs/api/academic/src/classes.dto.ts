import type { ClassInput, ClassUpdate } from '@emis/contracts';
import { CLASS_NAME_PATTERN, GRADE_LEVELS, GradeLevel } from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });

export class ClassListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  yearId?: string;

  @ApiPropertyOptional({ enum: GRADE_LEVELS })
  @IsOptional()
  @IsIn(GRADE_LEVELS)
  grade?: GradeLevel;
}

export class ClassInputDto implements ClassInput {
  @ApiProperty()
  @IsUUID()
  schoolYearId!: string;

  @ApiProperty({ example: '6A' })
  @Transform(trimmed)
  @IsString()
  @Matches(CLASS_NAME_PATTERN)
  name!: string;

  @ApiProperty({ enum: GRADE_LEVELS })
  @IsIn(GRADE_LEVELS)
  grade!: GradeLevel;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  homeroomStaffId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'P.201' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(30)
  room?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Chương trình GDPT 2018' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  programme?: string | null;
}

export class ClassUpdateDto
  extends PartialType(OmitType(ClassInputDto, ['schoolYearId'] as const))
  implements ClassUpdate
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}
