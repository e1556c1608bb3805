import { COUNT_CAP, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageQuery } from '@emis/contracts';
import { searchWords } from '@emis/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** The paging convention of every list endpoint (see libs/contracts/src/paging.ts). */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Comma-separated fields, "-" prefix for descending, e.g. "name,-code"' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^-?[a-zA-Z]+(,-?[a-zA-Z]+)*$/)
  sort?: string;

  @ApiPropertyOptional({ description: 'Search text' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export interface SqlPaging {
  limit: number;
  offset: number;
  page: number;
  pageSize: number;
  /** A safe ORDER BY list built only from the allowed columns. */
  orderBy: string;
}

/**
 * Turns a page query into LIMIT/OFFSET and an ORDER BY made only of whitelisted columns:
 * `columns` maps each sortable API field to its SQL expression.
 */
export function toSqlPaging(query: PageQuery, columns: Record<string, string>, defaultSort: string): SqlPaging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const orderBy = orderByOf(query.sort || defaultSort, columns) || orderByOf(defaultSort, columns);
  return { limit: pageSize, offset: (page - 1) * pageSize, page, pageSize, orderBy };
}

function orderByOf(sort: string, columns: Record<string, string>): string {
  return sort
    .split(',')
    .map((field) => {
      const desc = field.startsWith('-');
      const name = desc ? field.slice(1) : field;
      // Own keys only: "constructor" or "toString" would otherwise read Object.prototype and put a function's
      // source text into the ORDER BY (a 500 found by the fuzzer).
      const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
      return column ? `${column} ${desc ? 'desc' : 'asc'}` : undefined;
    })
    .filter((x): x is string => Boolean(x))
    .join(', ');
}

/** A list's total: exact, or COUNT_CAP with `totalCapped` when the list holds more (`cappedCountSql`). */
export interface ListTotal {
  total: number;
  totalCapped: boolean;
}

export function toPage<T>(items: T[], total: number | ListTotal, paging: SqlPaging): Page<T> {
  const counted = typeof total === 'number' ? { total, totalCapped: false } : total;
  return {
    items,
    total: counted.total,
    page: paging.page,
    pageSize: paging.pageSize,
    ...(counted.totalCapped ? { totalCapped: true } : {}),
  };
}

/**
 * The count of a long list, stopped after COUNT_CAP + 1 rows (docs/conventions.md, "Counts"): `fromWhere` is the
 * list's own `from … where …`, so the total matches the rows listed. Under row-level security no index can count a
 * school's rows without reading them (the policy's function is not leakproof), so an exact count reads the whole
 * school however small the page; capped, it reads at most COUNT_CAP + 1 rows. Answers `n` (read by `listTotal`).
 */
export function cappedCountSql(fromWhere: string): string {
  return `select count(*)::int as n from (select 1 ${fromWhere} limit ${COUNT_CAP + 1}) counted`;
}

/** The total of `cappedCountSql`'s `n`: COUNT_CAP and capped above it. */
export function listTotal(n: number | undefined): ListTotal {
  const counted = n ?? 0;
  return counted > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: counted, totalCapped: false };
}

/**
 * The total a page already tells, without counting (docs/conventions.md, "Counts"): a page shorter than its size is
 * the list's last, so the list holds its offset plus its rows — unless it is empty past the first page (asked beyond
 * the end: the page tells nothing). Above COUNT_CAP it is capped like a count. Undefined when a count must decide.
 */
export function totalFromPage(paging: Pick<SqlPaging, 'limit' | 'offset'>, shown: number): ListTotal | undefined {
  if (shown >= paging.limit || (shown === 0 && paging.offset > 0)) return undefined;
  return listTotal(paging.offset + shown);
}

/**
 * One LIKE pattern per word of a search box (`searchWords` of @emis/domain, docs/conventions.md "Search"): match a
 * column with `ilike all (...)` so the words may come in any order, with any spacing. Empty when the box is blank.
 */
export function likePatterns(query: string | null | undefined): string[] {
  return searchWords(query).map(likePattern);
}

/**
 * The condition "every word of the search box appears in the record" (docs/conventions.md, "Search"), the one
 * matching every list's search box uses: `param` is the SQL of a text[] of `likePatterns`, `columns` the record's
 * searchable text columns (a word may appear in any of them), compared without case or diacritics (`unaccent_vi`).
 */
export function allWordsSql(param: string, ...columns: string[]): string {
  const text = columns.length === 1 ? columns[0] : `concat_ws(' ', ${columns.join(', ')})`;
  return `unaccent_vi(${text}) ilike all (select unaccent_vi(w) from unnest(${param}) w)`;
}

/** Escapes LIKE wildcards so a search for "10%" finds "10%" literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
