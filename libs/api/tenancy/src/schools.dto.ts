import type { SchoolListQuery, SchoolProfileUpdate } from '@emis/contracts';
import { normalizePhone, SCHOOL_LEVELS, SchoolLevel, VN_PHONE_PATTERN } from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;

export class SchoolListQueryDto extends PageQueryDto implements SchoolListQuery {
  @ApiPropertyOptional({ enum: SCHOOL_LEVELS })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  level?: SchoolLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class SchoolProfileUpdateDto implements SchoolProfileUpdate {
  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '0221 3863 456' })
  @Transform(({ value }) => {
    const v = emptyToNull({ value });
    return typeof v === 'string' ? normalizePhone(v) : v;
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(VN_PHONE_PATTERN, { context: { rule: 'isVnPhone' } })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120)
  principalName?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1900 })
  @Transform(({ value }) => (value === '' ? null : value))
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1900)
  @Max(2100)
  foundedYear?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(200)
  website?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}
