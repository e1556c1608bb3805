import type {
  AssetDisposalInput,
  AssetLoanInput,
  AssetMoveInput,
  AssetReturnInput,
  AssetTransferInput,
} from '@emis/contracts';
import {
  ASSET_CONDITIONS,
  ASSET_TRANSFER_STATUSES,
  AssetCondition,
  AssetTransferStatus,
  DISPOSAL_METHODS,
  DisposalMethod,
  isRealDate,
} from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';

/** Money of a decision, whole đồng, below 2^53 so that JSON carries it exactly. */
const MAX_DONG = 9_000_000_000_000_000;

export const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;

/** A calendar date yyyy-MM-dd that exists (the rule 'isRealDate' words the error). */
export function IsRealDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isRealDate',
      target: object.constructor,
      propertyName,
      validator: { validate: (value: unknown) => isRealDate(value) },
    });
}

/** Optional text: absent, null, or a non-empty string after trimming. */
function OptionalText(max: number) {
  return (object: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? null : trimmed({ value })))(
      object,
      propertyName,
    );
    IsOptional()(object, propertyName);
    ValidateIf((_, v) => v !== null)(object, propertyName);
    IsString()(object, propertyName);
    MaxLength(max)(object, propertyName);
  };
}

function RequiredText(max: number) {
  return (object: object, propertyName: string) => {
    Transform(trimmed)(object, propertyName);
    IsString()(object, propertyName);
    IsNotEmpty()(object, propertyName);
    MaxLength(max)(object, propertyName);
  };
}

export class VersionedDto {
  @ApiProperty({ description: 'The version of the asset the client saw (409 when it changed since)' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class AssetMoveDto extends VersionedDto implements AssetMoveInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ example: '2026-09-05' })
  @IsRealDate()
  effectiveOn!: string;

  @ApiPropertyOptional({ nullable: true, example: 'Nguyễn Văn Bảo' })
  @OptionalText(200)
  responsible?: string | null;
}

export class AssetLoanDto extends VersionedDto implements AssetLoanInput {
  @ApiProperty({ example: 'Trường Tiểu học Như Quỳnh' })
  @RequiredText(200)
  borrower!: string;

  @ApiProperty({ example: '2026-10-01' })
  @IsRealDate()
  lentOn!: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-10-15' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsRealDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(500)
  note?: string | null;
}

export class AssetReturnDto implements AssetReturnInput {
  @ApiProperty({ example: '2026-10-14' })
  @IsRealDate()
  returnedOn!: string;

  @ApiPropertyOptional({ enum: ASSET_CONDITIONS })
  @IsOptional()
  @IsIn(ASSET_CONDITIONS)
  condition?: AssetCondition;
}

export class AssetDisposalDto extends VersionedDto implements AssetDisposalInput {
  @ApiProperty({ enum: DISPOSAL_METHODS })
  @IsIn(DISPOSAL_METHODS)
  method!: DisposalMethod;

  @ApiProperty({ example: '25/QĐ-THCS' })
  @RequiredText(100)
  decisionNumber!: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsRealDate()
  decisionDate!: string;

  @ApiProperty({ example: '2026-11-25' })
  @IsRealDate()
  disposedOn!: string;

  @ApiPropertyOptional({ description: 'Proceeds of a sale or liquidation, whole đồng' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DONG)
  proceeds?: number;

  @ApiPropertyOptional({ description: 'Costs of the disposal, whole đồng' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DONG)
  costs?: number;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(500)
  note?: string | null;
}

export class AssetTransferDto extends VersionedDto implements AssetTransferInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toSchoolId!: string;

  @ApiProperty({ example: '2026-11-03' })
  @IsRealDate()
  effectiveOn!: string;

  @ApiProperty({ example: '112/QĐ-SGDĐT' })
  @RequiredText(100)
  decisionNumber!: string;
}

export class AssetTransferAcceptDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The room the asset goes to' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  locationId?: string | null;
}

export class AssetTransferRejectDto {
  @ApiProperty({ example: 'Trường không có nhu cầu sử dụng' })
  @RequiredText(300)
  reason!: string;
}

export class AssetTransferListQueryDto {
  @ApiPropertyOptional({ enum: ['IN', 'OUT'] })
  @IsOptional()
  @IsIn(['IN', 'OUT'])
  direction?: 'IN' | 'OUT';

  @ApiPropertyOptional({ enum: ASSET_TRANSFER_STATUSES })
  @IsOptional()
  @IsIn(ASSET_TRANSFER_STATUSES)
  status?: AssetTransferStatus;
}
