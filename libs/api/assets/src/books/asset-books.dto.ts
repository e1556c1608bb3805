import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class AssetBookQueryDto {
  @ApiProperty({ description: 'The calendar year of the book (wear is posted once a year, in December).' })
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2200)
  year!: number;
}
