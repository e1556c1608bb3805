import type { SchoolYearInput, SemesterDates } from '@emis/contracts';
import { SCHOOL_LEVELS, SchoolLevel } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_RULE = { context: { rule: 'isRealDate' } };

export class SemesterDatesDto implements SemesterDates {
  @ApiProperty({ example: '2026-09-05' })
  @IsString()
  @Matches(ISO_DATE, DATE_RULE)
  semester1Start!: string;

  @ApiProperty({ example: '2027-01-16' })
  @IsString()
  @Matches(ISO_DATE, DATE_RULE)
  semester1End!: string;

  @ApiProperty({ example: '2027-01-19' })
  @IsString()
  @Matches(ISO_DATE, DATE_RULE)
  semester2Start!: string;

  @ApiProperty({ example: '2027-05-25' })
  @IsString()
  @Matches(ISO_DATE, DATE_RULE)
  semester2End!: string;
}

export class SchoolYearInputDto extends SemesterDatesDto implements SchoolYearInput {
  @ApiProperty({ example: '2026-2027' })
  @IsString()
  @Matches(/^\d{4}-\d{4}$/, { context: { rule: 'schoolYearCode' } })
  code!: string;

  @ApiProperty({ example: '2026-09-05' })
  @IsString()
  @Matches(ISO_DATE, DATE_RULE)
  startsOn!: string;

  @ApiProperty({ example: '2027-05-31' })
  @IsString()
  @Matches(ISO_DATE, DATE_RULE)
  endsOn!: string;
}

/** PATCH: the fields it names; the merged year is validated as a whole. */
export class SchoolYearUpdateDto extends PartialType(SchoolYearInputDto) {}

export class SubjectQueryDto {
  @ApiPropertyOptional({ enum: SCHOOL_LEVELS })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  level?: SchoolLevel;
}
