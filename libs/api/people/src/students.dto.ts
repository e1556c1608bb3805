import type {
  BulkEnrolmentRequest,
  DropOutRequest,
  EnrolmentRequest,
  Guardian,
  StudentInput,
  StudentUpdate,
} from '@emis/contracts';
import {
  DISABILITY_KINDS,
  DisabilityKind,
  GENDERS,
  GRADE_LEVELS,
  GradeLevel,
  NAMED_GUARDIAN_RELATIONS,
  GuardianRelation,
  normalizePhone,
  POLICY_GROUPS,
  PolicyGroup,
  STUDENT_STATUSES,
  StudentStatus,
  VN_PHONE_PATTERN,
} from '@emis/domain';
import { ExportReasonDto } from '@emis/api/audit';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import {
  HasPersonalIdProvince,
  IsEthnicity,
  IsPersonalIdFormat,
  IsPlausibleSchoolAge,
  IsRealDate,
  IsVietnameseFullName,
  normaliseName,
  PersonalIdMatchesRecord,
} from './student-rules';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });
const isPresent = (_: unknown, v: unknown) => v !== null && v !== undefined;

export class GuardianDto implements Guardian {
  // A contact of UNKNOWN relation comes only from a list's phone without a name (docs/domain/records.md, "Guardians").
  @ApiProperty({ enum: NAMED_GUARDIAN_RELATIONS })
  @IsIn(NAMED_GUARDIAN_RELATIONS)
  relation!: GuardianRelation;

  @ApiProperty({ example: 'Nguyễn Văn Bình' })
  @Transform(({ value }) => normaliseName(value))
  @IsVietnameseFullName()
  @MaxLength(100)
  fullName!: string;

  @ApiPropertyOptional({ nullable: true, example: '0912345678' })
  @Transform(({ value }) => {
    const v = emptyToNull({ value });
    return typeof v === 'string' ? normalizePhone(v) : v;
  })
  @IsOptional()
  @ValidateIf(isPresent)
  @Matches(VN_PHONE_PATTERN, { context: { rule: 'isVnPhone' } })
  phone!: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(100)
  occupation!: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1920 })
  @IsOptional()
  @ValidateIf(isPresent)
  @IsInt()
  @Min(1920)
  @Max(2015)
  birthYear!: number | null;
}

export class StudentInputDto implements StudentInput {
  @ApiProperty({ example: '034213001234', description: '12 digits; digits 4–6 agree with gender and birth year' })
  @Transform(trimmed)
  @IsPersonalIdFormat()
  @HasPersonalIdProvince()
  @PersonalIdMatchesRecord()
  personalId!: string;

  @ApiProperty({ example: 'Nguyễn Thị Ánh' })
  @Transform(({ value }) => normaliseName(value))
  @IsVietnameseFullName()
  @MaxLength(100)
  fullName!: string;

  @ApiProperty({ example: '2013-05-20' })
  @IsRealDate()
  @IsPlausibleSchoolAge()
  dateOfBirth!: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: 'MALE' | 'FEMALE';

  @ApiProperty({ example: '01', description: 'Code of the 54 ethnic groups' })
  @IsEthnicity()
  ethnicity!: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(60)
  religion?: string | null;

  @ApiPropertyOptional({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @Transform(trimmed)
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  nationality?: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(200)
  placeOfBirth?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(300)
  permanentAddress?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(300)
  currentAddress?: string | null;

  @ApiPropertyOptional({ enum: POLICY_GROUPS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(POLICY_GROUPS, { each: true })
  policyGroups?: PolicyGroup[];

  @ApiPropertyOptional({ enum: DISABILITY_KINDS, nullable: true })
  @IsOptional()
  @ValidateIf(isPresent)
  @IsIn(DISABILITY_KINDS)
  disability?: DisabilityKind | null;

  @ApiPropertyOptional({ type: [GuardianDto], maxItems: 4 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  // Each an object: a list nested in the list passed ValidateNested and answered 500 (seen by fuzzing in CI).
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GuardianDto)
  guardians?: GuardianDto[];

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf(isPresent)
  @IsUUID()
  classId?: string | null;
}

/** Fields of the record a PATCH may name; the service refuses null for the required ones. */
export class StudentUpdateDto
  extends PartialType(OmitType(StudentInputDto, ['classId'] as const))
  implements StudentUpdate
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}

export class StudentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STUDENT_STATUSES })
  @IsOptional()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ enum: GRADE_LEVELS })
  @IsOptional()
  @IsIn(GRADE_LEVELS)
  grade?: GradeLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the open school year' })
  @IsOptional()
  @IsUUID()
  yearId?: string;

  @ApiPropertyOptional({
    enum: ['personalId'],
    description: 'Personal IDs in full instead of masked, for roles that see them on the record (audited)',
  })
  @IsOptional()
  @IsIn(['personalId'])
  reveal?: 'personalId';
}

/** The list's filters and order, without paging: the export holds every matching row. */
export class StudentFilterQueryDto extends OmitType(StudentListQueryDto, ['page', 'pageSize', 'reveal'] as const) {}

/** An export of the list: its filters and the stated reason (docs/security/guard.md). */
export class StudentExportQueryDto extends IntersectionType(StudentFilterQueryDto, ExportReasonDto) {}

export class EnrolmentRequestDto implements EnrolmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  classId!: string;

  @ApiPropertyOptional({ example: '2025-09-05' })
  @IsOptional()
  @IsRealDate()
  fromDate?: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(300)
  reason?: string | null;
}

export class BulkEnrolmentDto implements BulkEnrolmentRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds!: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  classId!: string;

  @ApiPropertyOptional({ example: '2025-09-05' })
  @IsOptional()
  @IsRealDate()
  fromDate?: string;
}

export class DropOutDto implements DropOutRequest {
  @ApiProperty({ example: 'Gia đình chuyển đi nơi khác' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason!: string;

  @ApiProperty({ example: '2025-11-20' })
  @IsRealDate()
  date!: string;
}
