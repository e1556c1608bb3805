import type {
  AccountActionReason,
  AccountCreate,
  AccountListQuery,
  AccountRoleChange,
  AccountStatus,
  BulkAccountCreate,
} from '@emis/contracts';
import { PageQueryDto } from '@emis/api/platform';
import {
  ACCOUNT_REASON_MAX_LENGTH,
  ACCOUNT_REASON_MIN_LENGTH,
  FULL_NAME_PATTERN,
  Role,
  ROLE_UNIT_KIND,
  ROLES,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
  USERNAME_PATTERN,
  capitaliseVietnameseName,
} from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const ACCOUNT_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'DISABLED', 'SOFT_LOCKED'];
const SCHOOL_ROLES = ROLES.filter((r) => ROLE_UNIT_KIND[r] === 'SCHOOL');
/** A school's staff fits well within this; a longer list is not a school's. */
const BULK_MAX_STAFF = 2000;

const asBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;
const lowerTrimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });

export class AccountListQueryDto extends PageQueryDto implements AccountListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "An org unit of the caller's scope: its subtree only" })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({ description: 'Only accounts whose role requires a second factor and that have none' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  withoutMfa?: boolean;
}

export class AccountCreateDto implements AccountCreate {
  @ApiProperty({ format: 'uuid', description: 'The school, unit or department the account belongs to' })
  @IsUUID()
  orgUnitId!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'The staff record (school roles)' })
  @IsOptional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn An', description: 'Without staffId (department and unit roles)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? capitaliseVietnameseName(value) : value))
  @IsString()
  @Matches(FULL_NAME_PATTERN)
  fullName?: string;

  @ApiPropertyOptional({ example: 'nguyenvan.an', description: 'Suggested from the name when absent' })
  @IsOptional()
  @Transform(lowerTrimmed)
  @IsString()
  @Length(USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH)
  @Matches(USERNAME_PATTERN)
  username?: string;

  @ApiPropertyOptional({ nullable: true, example: 'an.nguyen@example.edu.vn' })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(200)
  email?: string | null;
}

export class BulkAccountCreateDto implements BulkAccountCreate {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId!: string;

  @ApiPropertyOptional({ type: [String], description: 'Absent: every working staff member without an account' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BULK_MAX_STAFF)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  staffIds?: string[];

  @ApiPropertyOptional({ enum: SCHOOL_ROLES, default: 'TEACHER' })
  @IsOptional()
  @IsIn(SCHOOL_ROLES)
  defaultRole?: Role;
}

/** Every administrator's action on an account says why; the reason goes to the audit trail. */
export class AccountActionReasonDto implements AccountActionReason {
  @ApiProperty({ minLength: ACCOUNT_REASON_MIN_LENGTH, maxLength: ACCOUNT_REASON_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(ACCOUNT_REASON_MIN_LENGTH, ACCOUNT_REASON_MAX_LENGTH)
  reason!: string;
}

export class AccountRoleChangeDto extends AccountActionReasonDto implements AccountRoleChange {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class CredentialSheetQueryDto {
  @ApiPropertyOptional({ enum: ['pdf', 'xlsx'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'xlsx'])
  format?: 'pdf' | 'xlsx';
}

export class ResetRequestListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING', 'DONE', 'DISMISSED'], default: 'PENDING' })
  @IsOptional()
  @IsIn(['PENDING', 'DONE', 'DISMISSED'])
  status?: 'PENDING' | 'DONE' | 'DISMISSED';
}
