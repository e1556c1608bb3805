import type { AssetCategoryUpdate, AssetPolicy } from '@emis/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

/**
 * A province's override of a category; null returns a field to the shipped default. The ranges of the circular
 * (±20 % of the rate, Art. 13.1.a; a life of 4–50 years, Art. 13.2) depend on the category: the service checks them.
 */
export class AssetCategoryUpdateDto implements AssetCategoryUpdate {
  @ApiPropertyOptional({ nullable: true, example: 2400, description: 'Annual rate in basis points (24 % = 2400)' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(10_000)
  rateBasisPoints?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 10 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(100)
  lifeYears?: number | null;
}

/** The threshold of a fixed asset in whole đồng (Art. 3.2: 10,000,000 đ; Art. 3.3 for self-financing units). */
export class AssetPolicyDto implements AssetPolicy {
  @ApiProperty({ example: 10_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  fixedAssetThreshold!: number;
}
