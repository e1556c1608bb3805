import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** Ten A4 sheets of 24: a room's or a delivery's labels, not the whole register in one request. */
export const MAX_LABELS = 240;

export class AssetLabelsQueryDto {
  @ApiProperty({ type: String, description: `Asset ids separated by commas (1–${MAX_LABELS}).` })
  @Transform(({ value }) =>
    typeof value === 'string'
      ? [
          ...new Set(
            value
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean),
          ),
        ]
      : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LABELS)
  @IsUUID('all', { each: true })
  ids!: string[];
}
