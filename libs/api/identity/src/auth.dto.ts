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

  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/)
  code!: string;
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
