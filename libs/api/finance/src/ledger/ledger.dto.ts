import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';

const DATE_RULE = { context: { rule: 'isRealDate' } };

/** ?from=&to= of the books and the reconciliation: real dates, yyyy-MM-dd (the order is checked by the service). */
export class DateRangeQueryDto {
  @ApiProperty({ example: '2025-09-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE_RULE)
  @IsISO8601({ strict: true }, DATE_RULE)
  from!: string;

  @ApiProperty({ example: '2025-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE_RULE)
  @IsISO8601({ strict: true }, DATE_RULE)
  to!: string;
}

const FISCAL_YEAR = { min: 2000, max: 2200 } as const;
/** The largest balance an account may be given by hand: far above any school's, within a JSON number (no overdraft: ≥ 0). */
const MAX_BALANCE = 1_000_000_000_000;

export class FiscalYearQueryDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(FISCAL_YEAR.min)
  @Max(FISCAL_YEAR.max)
  fiscalYear!: number;
}

/** PUT …/books/opening-balances: the balances of the cash box and the bank account on 1 January of a fiscal year. */
export class OpeningBalancesInputDto extends FiscalYearQueryDto {
  @ApiProperty({ example: 12_500_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_BALANCE)
  cash!: number;

  @ApiProperty({ example: 250_000_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_BALANCE)
  bank!: number;
}
