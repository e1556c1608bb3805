import type {
  FirstPasswordRequest,
  MfaCodeRequest,
  MfaPolicyUpdate,
  PasswordResetRequestCreate,
} from '@emis/contracts';
import { Role } from '@emis/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsJWT,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsObject,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The current second factor, as a signed-in user proves it: a TOTP code or one of their recovery codes. */
export class MfaProofDto implements MfaCodeRequest {
  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/)
  code?: string;

  @ApiPropertyOptional({ example: '7K3M-Q9XD-2HPA-WR4T' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

/** The policy rules of the new password are checked by the service (it needs the user's names). */
export class FirstPasswordDto implements FirstPasswordRequest {
  @ApiProperty()
  @IsJWT()
  mfaToken!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  newPassword!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequestCreate {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;
}

/** One optional flag per role; roles left out keep their setting. */
export class MfaRequiredByRoleDto implements Partial<Record<Role, boolean>> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() DEPARTMENT_ADMIN?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() DEPARTMENT_OFFICER?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() UNIT_OFFICER?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() SCHOOL_ADMIN?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ACCOUNTANT?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() TEACHER?: boolean;
}

export class MfaPolicyUpdateDto implements MfaPolicyUpdate {
  @ApiProperty({ type: MfaRequiredByRoleDto })
  // Required: a body without it was let through ValidateNested and met the service as undefined (500, seen by fuzzing).
  @IsObject()
  @ValidateNested()
  @Type(() => MfaRequiredByRoleDto)
  required!: MfaRequiredByRoleDto;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/)
  code!: string;
}
