import type {
  OrgUnitAdminQuery,
  OrgUnitClose,
  OrgUnitCreate,
  OrgUnitMove,
  OrgUnitReopen,
  OrgUnitUpdate,
} from '@emis/contracts';
import {
  ORG_UNIT_CODE_PATTERN,
  ORG_UNIT_KINDS,
  OrgUnitKind,
  SCHOOL_LEVELS,
  SCHOOL_OWNERSHIPS,
  SchoolLevel,
  SchoolOwnership,
} from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** A day of the years a school's records can name (a year 0 or 9999 is a typing slip, not a date). */
const ISO_DAY = /^(19|20)\d{2}-\d{2}-\d{2}$/;
const DAY_RULE = { context: { rule: 'isRealDate' } };
const CODE_RULE = { context: { rule: 'isOrgUnitCode' } };

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value;
/** Codes are written upper-case (ORG_UNIT_CODE_PATTERN); a user typing "thcs-01" means "THCS-01". */
const upperCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const queryFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A day as yyyy-MM-dd that exists in the calendar. */
function Day(): PropertyDecorator {
  return (object, propertyName) => {
    Matches(ISO_DAY, DAY_RULE)(object, propertyName);
    IsISO8601({ strict: true }, DAY_RULE)(object, propertyName);
  };
}

/** Why a change was made: the audit keeps it (3 to 500 characters). */
function Reason(): PropertyDecorator {
  return (object, propertyName) => {
    Transform(trimmed)(object, propertyName);
    IsString()(object, propertyName);
    MinLength(3)(object, propertyName);
    MaxLength(500)(object, propertyName);
  };
}

/** The number of the decision (quyết định) behind a move, a closing or a reopening. */
function DecisionNo(): PropertyDecorator {
  return (object, propertyName) => {
    Transform(emptyToNull)(object, propertyName);
    IsOptional()(object, propertyName);
    ValidateIf((_, v) => v !== null)(object, propertyName);
    IsString()(object, propertyName);
    MaxLength(60)(object, propertyName);
  };
}

function OptionalText(max: number): PropertyDecorator {
  return (object, propertyName) => {
    Transform(emptyToNull)(object, propertyName);
    IsOptional()(object, propertyName);
    ValidateIf((_, v) => v !== null)(object, propertyName);
    IsString()(object, propertyName);
    MaxLength(max)(object, propertyName);
  };
}

function Levels(): PropertyDecorator {
  return (object, propertyName) => {
    IsOptional()(object, propertyName);
    IsIn(SCHOOL_LEVELS, { each: true })(object, propertyName);
    ArrayUnique()(object, propertyName);
    ArrayMinSize(1)(object, propertyName);
    ArrayMaxSize(SCHOOL_LEVELS.length)(object, propertyName);
  };
}

export class OrgUnitAdminQueryDto extends PageQueryDto implements OrgUnitAdminQuery {
  @ApiPropertyOptional({ enum: ORG_UNIT_KINDS })
  @IsOptional()
  @IsIn(ORG_UNIT_KINDS)
  kind?: OrgUnitKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Direct and indirect children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  level?: SchoolLevel;

  @ApiPropertyOptional({ default: false })
  @Transform(queryFlag)
  @IsOptional()
  @IsBoolean()
  includeClosed?: boolean;
}

export class OrgUnitCreateDto implements OrgUnitCreate {
  @ApiProperty({ enum: ['UNIT', 'SCHOOL'] })
  @IsIn(['UNIT', 'SCHOOL'])
  kind!: 'UNIT' | 'SCHOOL';

  @ApiProperty({ example: 'THCS-VL-09' })
  @Transform(upperCode)
  @IsString()
  @Matches(ORG_UNIT_CODE_PATTERN, CODE_RULE)
  code!: string;

  @ApiProperty({ example: 'Trường THCS Lạc Đạo' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  parentId!: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, isArray: true })
  @Levels()
  levels?: SchoolLevel[];

  @ApiPropertyOptional({ enum: SCHOOL_OWNERSHIPS })
  @IsOptional()
  @IsIn(SCHOOL_OWNERSHIPS)
  ownership?: SchoolOwnership;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Phường Sơn Nam' })
  @OptionalText(120)
  commune?: string | null;

  @ApiPropertyOptional({ example: '2025-09-01' })
  @IsOptional()
  @Day()
  effectiveFrom?: string;
}

export class OrgUnitUpdateDto implements OrgUnitUpdate {
  @ApiPropertyOptional()
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @Transform(upperCode)
  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_CODE_PATTERN, CODE_RULE)
  code?: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, isArray: true })
  @Levels()
  levels?: SchoolLevel[];

  @ApiPropertyOptional({ enum: SCHOOL_OWNERSHIPS })
  @IsOptional()
  @IsIn(SCHOOL_OWNERSHIPS)
  ownership?: SchoolOwnership;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(120)
  commune?: string | null;

  @ApiProperty({ example: 'Sửa tên theo quyết định đổi tên trường' })
  @Reason()
  reason!: string;
}

export class OrgUnitMoveDto implements OrgUnitMove {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  parentId!: string;

  @ApiProperty({ example: '2025-07-01' })
  @Day()
  effectiveFrom!: string;

  @ApiPropertyOptional({ nullable: true, example: '1234/QĐ-UBND' })
  @DecisionNo()
  decisionNo?: string;

  @ApiProperty({ example: 'Chuyển về Ủy ban nhân dân phường quản lý (Nghị định 142/2025/NĐ-CP)' })
  @Reason()
  reason!: string;
}

export class OrgUnitCloseDto implements OrgUnitClose {
  @ApiProperty({ example: '2026-06-30' })
  @Day()
  closedOn!: string;

  @ApiProperty({ example: 'Sáp nhập vào Trường Tiểu học Lạc Hồng' })
  @Reason()
  reason!: string;

  @ApiPropertyOptional({ nullable: true })
  @DecisionNo()
  decisionNo?: string;
}

export class OrgUnitReopenDto implements OrgUnitReopen {
  @ApiProperty({ example: 'Đóng nhầm; mở lại theo quyết định' })
  @Reason()
  reason!: string;

  @ApiPropertyOptional({ nullable: true })
  @DecisionNo()
  decisionNo?: string;
}
