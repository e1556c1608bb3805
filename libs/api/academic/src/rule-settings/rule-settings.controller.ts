import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProvinceRuleSettingsView } from '@emis/contracts';
import { CurrentPrincipal, Principal, RequirePermission } from '@emis/api/platform';
import { ProvinceRuleSettingsDto } from './rule-settings.dto';
import { RuleSettingsService } from './rule-settings.service';

/** The department's rule settings of a school year: everyone who reads the calendar reads them; the department sets them. */
@ApiTags('calendar')
@Controller('province-settings/:yearId')
export class RuleSettingsController {
  constructor(private readonly settings: RuleSettingsService) {}

  @Get()
  @RequirePermission('calendar.read')
  get(@Param('yearId', ParseUUIDPipe) yearId: string): Promise<ProvinceRuleSettingsView> {
    return this.settings.view(yearId);
  }

  @Put()
  @RequirePermission('rules.configure')
  save(
    @CurrentPrincipal() actor: Principal,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Body() body: ProvinceRuleSettingsDto,
  ): Promise<ProvinceRuleSettingsView> {
    return this.settings.save(actor, yearId, body);
  }
}
