import {
  ArgumentMetadata,
  Controller,
  Get,
  Injectable,
  Param,
  ParseUUIDPipe,
  PipeTransform,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FinanceMonth } from '@emis/contracts';
import {
  CurrentPrincipal,
  CurrentScope,
  Principal,
  RequirePermission,
  Scope,
  ValidationProblem,
} from '@emis/api/platform';
import { FinanceMonthsService } from './finance-months.service';

/** `:month` in a path: yyyy-MM of a real month. */
@Injectable()
export class MonthPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (/^(20\d{2}|21\d{2})-(0[1-9]|1[0-2])$/.test(String(value))) return String(value);
    throw new ValidationProblem([{ field: meta.data ?? 'month', rule: 'matches', args: [] }]);
  }
}

/** The school's accounting months and their closing (khoá sổ): the principal closes, finance readers see. */
@ApiTags('finance')
@Controller('schools/:schoolId/finance-months')
export class FinanceMonthsController {
  constructor(private readonly months: FinanceMonthsService) {}

  @Get()
  @RequirePermission('finance.read')
  list(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<FinanceMonth[]> {
    return this.months.list(scope, schoolId);
  }

  @Post(':month/close')
  @RequirePermission('finance.approve')
  close(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('month', MonthPipe) month: string,
  ): Promise<FinanceMonth> {
    return this.months.close(scope, actor, schoolId, month);
  }
}
