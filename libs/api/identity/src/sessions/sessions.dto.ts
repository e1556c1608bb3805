import type { AccountActionReason } from '@emis/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An administrator ends an account's sessions: the reason goes to the audit trail. */
export class EndAccountSessionsDto implements AccountActionReason {
  @ApiProperty({ example: 'Máy tính phòng giáo viên bị mất', minLength: 3, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
