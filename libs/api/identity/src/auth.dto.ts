import type { LoginRequest, MfaCodeRequest, PasswordChangeRequest } from '@emis/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJWT, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class MfaCodeDto implements MfaCodeRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsJWT()
  mfaToken?: string;

  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/)
  code?: string;

  /** At sign-in only, instead of `code`: one of the user's recovery codes (each serves once). */
  @ApiPropertyOptional({ example: '7K3M-Q9XD-2HPA-WR4T' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class MfaStartDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsJWT()
  mfaToken?: string;
}

/** The rules of the new password are checked by the service against libs/domain's policy (it needs the user name). */
export class PasswordChangeDto implements PasswordChangeRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  newPassword!: string;
}
