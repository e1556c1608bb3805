import type { Qualification, StaffInput, StaffTransferRequest, StaffUpdate } from '@emis/contracts';
import {
  CONTRACT_TYPES,
  ContractType,
  ETHNICITY_CODES,
  GENDERS,
  normalizePhone,
  QUALIFICATION_LEVELS,
  QualificationLevel,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  StaffPosition,
  StaffStatus,
  VN_PHONE_PATTERN,
  FULL_NAME_PATTERN,
  capitaliseVietnameseName,
} from '@emis/domain';
import { ExportReasonDto } from '@emis/api/audit';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  ValidateBy,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = { context: { rule: 'isRealDate' } };
const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });
const phoneValue = ({ value }: { value: unknown }) => {
  const v = emptyToNull({ value });
  return typeof v === 'string' ? normalizePhone(v) : v;
};
/** Family name, then one to four more words; letters of any script (Vietnamese diacritics), no digits. */

export class StaffListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAFF_STATUSES })
  @IsOptional()
  @IsIn(STAFF_STATUSES)
  status?: StaffStatus;

  @ApiPropertyOptional({ enum: STAFF_POSITIONS })
  @IsOptional()
  @IsIn(STAFF_POSITIONS)
  position?: StaffPosition;

  @ApiPropertyOptional({
    enum: ['personalId'],
    description: 'Personal IDs in full instead of masked, for roles that see them on the record (audited)',
  })
  @IsOptional()
  @IsIn(['personalId'])
  reveal?: 'personalId';
}

/** An export of the list: its filters (every matching row, no paging) and the stated reason (docs/security/guard.md). */
export class StaffExportQueryDto extends IntersectionType(
  OmitType(StaffListQueryDto, ['page', 'pageSize'] as const),
  ExportReasonDto,
) {}

export class QualificationDto implements Qualification {
  @ApiProperty({ enum: QUALIFICATION_LEVELS })
  @IsIn(QUALIFICATION_LEVELS)
  level!: QualificationLevel;

  @ApiProperty({ example: 'Sư phạm Toán học' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  major!: string;

  @ApiProperty({ example: 'Trường Đại học Sư phạm Hà Nội' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  institution!: string;

  @ApiProperty({ example: 2008 })
  @IsInt()
  @Min(1950)
  @Max(2100)
  year!: number;
}

/**
 * Two decimals at most (3.33, not 3.333). class-validator's own `maxDecimalPlaces` reads the digits after '.', so a
 * number JavaScript prints in exponent form (5e-324) made it throw and the request answer 500 (seen by fuzzing).
 */
function AtMostTwoDecimals(): PropertyDecorator {
  return ValidateBy({
    name: 'atMostTwoDecimals',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'number' && Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
    },
  });
}

export class StaffInputDto implements StaffInput {
  @ApiProperty({ example: '033090001234', description: '12-digit personal identification number' })
  @Transform(trimmed)
  @IsString()
  @Matches(/^\d{12}$/, { context: { rule: 'personalIdFormat' } })
  personalId!: string;

  @ApiProperty({ example: 'Nguyễn Thị Minh Thu' })
  @Transform(({ value }) => (typeof value === 'string' ? capitaliseVietnameseName(value) : value))
  @IsString()
  @MaxLength(100)
  @Matches(FULL_NAME_PATTERN, { context: { rule: 'vietnameseFullName' } })
  fullName!: string;

  @ApiProperty({ example: '1988-04-12' })
  @IsString()
  @Matches(DATE, dateRule)
  dateOfBirth!: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: 'MALE' | 'FEMALE';

  @ApiProperty({ example: '01', description: 'Ethnic group code (01 = Kinh)' })
  @IsIn(ETHNICITY_CODES, { context: { rule: 'isEthnicityCode' } })
  ethnicity!: string;

  @ApiPropertyOptional({ nullable: true, example: '0912345678' })
  @Transform(phoneValue)
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

  @ApiProperty({ enum: STAFF_POSITIONS })
  @IsIn(STAFF_POSITIONS)
  position!: StaffPosition;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType!: ContractType;

  @ApiPropertyOptional({ nullable: true, example: 'V.07.04.32' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20)
  rankCode?: string | null;

  /** Salary coefficients of the public pay scale run 1.00–10.00 (Decree 204/2004 tables). */
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 10, example: 3.33 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  @Min(1)
  @Max(10)
  @AtMostTwoDecimals()
  salaryCoefficient?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 12 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(12)
  salaryStep?: number | null;

  @ApiPropertyOptional({ type: [QualificationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QualificationDto)
  qualifications?: QualificationDto[];

  @ApiPropertyOptional({ type: [String], example: ['TOAN'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  subjects?: string[];

  @ApiProperty({ example: '2012-09-01' })
  @IsString()
  @Matches(DATE, dateRule)
  startDate!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsBoolean()
  partyMember?: boolean | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsBoolean()
  unionMember?: boolean | null;
}

/** PATCH: every field optional (PartialType adds @IsOptional); a null for a required field means 'unchanged'. */
export class StaffUpdateDto extends PartialType(StaffInputDto) implements StaffUpdate {
  /** TRANSFERRED is set only by a transfer (POST …/transfer). */
  @ApiPropertyOptional({ enum: ['ACTIVE', 'LEAVE', 'RETIRED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'LEAVE', 'RETIRED'])
  status?: StaffStatus;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}

export class StaffTransferDto implements StaffTransferRequest {
  @ApiProperty()
  @IsUUID()
  toSchoolId!: string;

  @ApiProperty({ example: '2026-12-01' })
  @IsString()
  @Matches(DATE, dateRule)
  effectiveOn!: string;

  @ApiProperty({ example: '1234/QĐ-SGDĐT' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(50)
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  decisionNumber!: string;
}
