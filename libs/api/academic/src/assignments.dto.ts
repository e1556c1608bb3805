import type { ClassAssignmentsUpdate } from '@emis/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class AssignmentListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  yearId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  staffId?: string;
}

export class AssignmentItemDto {
  @ApiProperty({ example: 'TOAN' })
  @IsString()
  @MaxLength(30)
  subjectCode!: string;

  @ApiProperty({ nullable: true, description: 'null: nobody teaches the subject in this class this semester' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  staffId!: string | null;
}

export class ClassAssignmentsUpdateDto implements ClassAssignmentsUpdate {
  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  semester!: 1 | 2;

  @ApiProperty({ type: [AssignmentItemDto] })
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => AssignmentItemDto)
  items!: AssignmentItemDto[];
}
