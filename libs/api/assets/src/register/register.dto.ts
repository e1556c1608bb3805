import type { AssetInput, AssetLocationInput, AssetUpdate, CostChangeInput } from '@emis/contracts';
import {
  ASSET_CLASSES,
  ASSET_CONDITIONS,
  ASSET_KINDS,
  ASSET_STATUSES,
  AssetClass,
  AssetCondition,
  AssetKind,
  AssetStatus,
  ATTACHMENT_KINDS,
  AttachmentKind,
  COST_CHANGE_KINDS,
  CostChangeKind,
  FUNDING_SOURCES,
  FundingSource,
} from '@emis/domain';
import { PageQueryDto } from '@emis/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** The largest amount of money the API takes, in đồng: JSON numbers stay exact below 2^53 (≈ 9·10^15). */
export const MAX_DONG = 9_000_000_000_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = { context: { rule: 'isRealDate' } };
/**
 * An asset's code: letters, digits and . - / (TS-0001, 2024/MT-03). Its field name, `code`, is labelled for the
 * sign-in's verification code in the shared catalogue, so every rule on it names its own message.
 */
const ASSET_CODE = /^[\p{L}\p{N}][\p{L}\p{N}./-]{0,29}$/u;
const codeRule = { context: { rule: 'assetCodeFormat' } };
const EDITABLE_STATUSES = ['IN_USE', 'IDLE', 'UNDER_REPAIR', 'AWAITING_DISPOSAL'] as const;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });
/** An empty code means "propose one", as if it were omitted. */
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : trimmed({ value });

export class AssetListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ASSET_CLASSES })
  @IsOptional()
  @IsIn(ASSET_CLASSES)
  assetClass?: AssetClass;

  @ApiPropertyOptional({ enum: ASSET_KINDS })
  @IsOptional()
  @IsIn(ASSET_KINDS, { context: { rule: 'assetKind' } })
  kind?: AssetKind;

  @ApiPropertyOptional({ enum: ASSET_STATUSES })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;
}

/** The fields a registration and an edit share. */
class AssetFieldsDto {
  @ApiPropertyOptional({ example: 'TS-0001', description: 'Unique in the school; proposed by the server when omitted' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString(codeRule)
  @Matches(ASSET_CODE, codeRule)
  code?: string;

  @ApiProperty({ example: 'Máy vi tính để bàn Dell OptiPlex 7010' })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'OFFICE_EQUIPMENT', description: 'A category code of the province (asset_category)' })
  @IsString()
  @MaxLength(40)
  categoryCode!: string;

  @ApiProperty({ example: 'cái' })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  @MaxLength(20)
  unit!: string;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ApiProperty({ example: '2024-09-05' })
  @IsString()
  @Matches(DATE, dateRule)
  inUseOn!: string;

  @ApiPropertyOptional({ nullable: true, example: 'HĐ 0012345' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(60)
  documentNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2024-09-01' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(DATE, dateRule)
  documentDate?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  locationId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Nguyễn Văn An' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  responsible?: string | null;

  @ApiPropertyOptional({ enum: ASSET_CONDITIONS })
  @IsOptional()
  @IsIn(ASSET_CONDITIONS)
  condition?: AssetCondition;

  @ApiPropertyOptional({ nullable: true, example: 2022, description: 'The last year of the opening wear' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1990)
  @Max(2200)
  openingWearYear?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class AssetInputDto extends AssetFieldsDto implements AssetInput {
  @ApiProperty({ example: 1, description: 'A fixed asset has quantity 1; a lot of tools any number' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ example: 18_500_000, description: 'Cost of one item, whole đồng' })
  @IsInt()
  @Min(0)
  @Max(MAX_DONG)
  unitCost!: number;

  @ApiPropertyOptional({ example: 0, description: 'Wear accumulated on paper books, whole đồng' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DONG)
  openingWear?: number;
}

/** A PATCH: only what it names changes; the version is the one the client read. */
export class AssetUpdateDto implements AssetUpdate {
  @ApiPropertyOptional({ example: 'TS-0001' })
  @Transform(trimmed)
  @IsOptional()
  @IsString(codeRule)
  @Matches(ASSET_CODE, codeRule)
  code?: string;

  @ApiPropertyOptional()
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  categoryCode?: string;

  @ApiPropertyOptional()
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  @MaxLength(20)
  unit?: string;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(DATE, dateRule)
  inUseOn?: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(60)
  documentNumber?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(DATE, dateRule)
  documentDate?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  locationId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  responsible?: string | null;

  @ApiPropertyOptional({ enum: ASSET_CONDITIONS })
  @IsOptional()
  @IsIn(ASSET_CONDITIONS)
  condition?: AssetCondition;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1990)
  @Max(2200)
  openingWearYear?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({ enum: EDITABLE_STATUSES, description: 'Loans, transfers and disposal have their own actions' })
  @IsOptional()
  @IsIn(EDITABLE_STATUSES)
  status?: (typeof EDITABLE_STATUSES)[number];

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** Its `kind` and `effectiveOn` carry labels of other contexts in the shared catalogue: their rules name themselves. */
export class CostChangeDto implements CostChangeInput {
  @ApiProperty({ enum: COST_CHANGE_KINDS })
  @IsIn(COST_CHANGE_KINDS, { context: { rule: 'costChangeKind' } })
  kind!: CostChangeKind;

  @ApiProperty({ example: '2025-06-30' })
  @IsString({ context: { rule: 'costChangeDate' } })
  @Matches(DATE, { context: { rule: 'costChangeDate' } })
  effectiveOn!: string;

  @ApiProperty({ example: 21_000_000, description: 'The new original cost of the whole record, whole đồng' })
  @IsInt()
  @Min(0)
  @Max(MAX_DONG)
  newCost!: number;

  @ApiProperty({ example: '15/QĐ-THCS' })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  @MaxLength(60)
  documentNumber!: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** `room` is labelled "classroom" in the shared catalogue; a place of assets may be any room, so it names its rule. */
export class AssetLocationDto implements AssetLocationInput {
  @ApiProperty({ example: 'Nhà A' })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { context: { rule: 'isNotEmpty' } })
  @MaxLength(100)
  building!: string;

  @ApiProperty({ example: 'Phòng Tin học 1' })
  @Transform(trimmed)
  @IsString({ context: { rule: 'assetRoomRequired' } })
  @Matches(/\S/, { context: { rule: 'assetRoomRequired' } })
  @MaxLength(100, { context: { rule: 'assetRoomTooLong' } })
  room!: string;
}

/** The multipart fields beside the file. */
export class AttachmentUploadDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS })
  @IsIn(ATTACHMENT_KINDS, { context: { rule: 'attachmentKind' } })
  kind!: AttachmentKind;
}
