import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MfaPolicyItem } from '@emis/contracts';
import { CurrentPrincipal, Principal, RequirePermission } from '@emis/api/platform';
import { MfaPolicyUpdateDto } from './sign-in.dto';
import { MfaPolicyService } from './mfa-policy.service';

/** The department's second-factor policy (docs/domain/sign-in.md, "Second factor"). */
@ApiTags('accounts')
@Controller('accounts/mfa-policy')
export class MfaPolicyController {
  constructor(private readonly policy: MfaPolicyService) {}

  @Get()
  @RequirePermission('accounts.policy')
  list(): Promise<MfaPolicyItem[]> {
    return this.policy.list();
  }

  @Put()
  @RequirePermission('accounts.policy')
  update(@CurrentPrincipal() actor: Principal, @Body() body: MfaPolicyUpdateDto): Promise<MfaPolicyItem[]> {
    return this.policy.update(body, actor);
  }
}
