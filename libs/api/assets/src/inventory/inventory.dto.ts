import type {
  InventoryApproveInput,
  InventoryCloseInput,
  InventoryLineInput,
  InventoryOpenInput,
  InventoryScanInput,
  InventorySurplusInput,
} from '@emis/contracts';
import { ASSET_CONDITIONS, AssetCondition } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsRealDate, trimmed } from '../movements/movements.dto';

/** A count on one line is far below this; the bound keeps a typo from becoming a lot of 10^9 chairs. */
const MAX_COUNT = 100_000;
const MAX_DONG = 9_000_000_000_000_000;
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed({ value });

export class InventoryOpenDto implements InventoryOpenInput {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(1990)
  @Max(2200)
  year!: number;

  @ApiProperty({ example: 'Kiểm kê tài sản cuối năm 2026' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-12-20' })
  @IsRealDate()
  countDate!: string;
}

export class InventoryLocationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the lines of this room' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}

export class InventoryLineDto implements InventoryLineInput {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  countedQuantity!: number;

  @ApiPropertyOptional({ enum: ASSET_CONDITIONS, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(ASSET_CONDITIONS)
  condition?: AssetCondition | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class InventoryScanDto implements InventoryScanInput {
  @ApiProperty({ example: 'TS-0001', description: "The asset's code, or its label's URL" })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  code!: string;
}

export class InventorySurplusDto implements InventorySurplusInput {
  @ApiProperty({ example: 'Quạt treo tường' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(MAX_COUNT)
  quantity!: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  locationId?: string | null;

  @ApiPropertyOptional({ example: 450000, description: 'Estimated cost of one item, whole đồng' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DONG)
  unitCost?: number;

  @ApiPropertyOptional({ example: 'OTHER_MACHINERY' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  categoryCode?: string;

  @ApiPropertyOptional({ example: 'cái' })
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  unit?: string;

  @ApiPropertyOptional({ enum: ASSET_CONDITIONS, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(ASSET_CONDITIONS)
  condition?: AssetCondition | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class InventoryCloseDto implements InventoryCloseInput {
  @ApiProperty({ example: ['Nguyễn Văn An', 'Trần Thị Bình'] })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => trimmed({ value: v })) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  committee!: string[];
}

export class InventoryApproveDto implements InventoryApproveInput {
  @ApiProperty({ example: '45/QĐ-THCS' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionNumber!: string;
}
