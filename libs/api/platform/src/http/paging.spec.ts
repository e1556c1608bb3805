import { COUNT_CAP } from '@emis/contracts';
import {
  allWordsSql,
  cappedCountSql,
  likePattern,
  likePatterns,
  listTotal,
  toPage,
  toSqlPaging,
  totalFromPage,
} from './paging';

describe('paging convention', () => {
  const columns = { name: 's.name', code: 's.code' };

  it('defaults to page 1 of 20 with the default sort', () => {
    expect(toSqlPaging({}, columns, 'name')).toEqual({
      limit: 20,
      offset: 0,
      page: 1,
      pageSize: 20,
      orderBy: 's.name asc',
    });
  });

  it('turns page and size into an offset and reads descending fields', () => {
    expect(toSqlPaging({ page: 3, pageSize: 50, sort: '-code,name' }, columns, 'name')).toMatchObject({
      offset: 100,
      limit: 50,
      orderBy: 's.code desc, s.name asc',
    });
  });

  it('never lets an unknown field into ORDER BY', () => {
    expect(toSqlPaging({ sort: 'password' }, columns, 'name').orderBy).toBe('s.name asc');
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('10%_a\\b')).toBe('%10\\%\\_a\\\\b%');
  });

  it('counts a long list up to the cap: exact below it, the cap and "more" above it', () => {
    expect(cappedCountSql('from student s where s.school_id = $1')).toBe(
      `select count(*)::int as n from (select 1 from student s where s.school_id = $1 limit ${COUNT_CAP + 1}) counted`,
    );
    expect(listTotal(undefined)).toEqual({ total: 0, totalCapped: false });
    expect(listTotal(COUNT_CAP)).toEqual({ total: COUNT_CAP, totalCapped: false });
    expect(listTotal(COUNT_CAP + 1)).toEqual({ total: COUNT_CAP, totalCapped: true });
  });

  it('takes the total from a short page, and asks for a count when the page is full or empty past the end', () => {
    expect(totalFromPage({ limit: 20, offset: 0 }, 7)).toEqual({ total: 7, totalCapped: false });
    expect(totalFromPage({ limit: 20, offset: 0 }, 0)).toEqual({ total: 0, totalCapped: false });
    expect(totalFromPage({ limit: 20, offset: 40 }, 19)).toEqual({ total: 59, totalCapped: false });
    // The last page of a list longer than the cap says "more than COUNT_CAP", as a count would.
    expect(totalFromPage({ limit: 20, offset: COUNT_CAP }, 5)).toEqual({ total: COUNT_CAP, totalCapped: true });
    expect(totalFromPage({ limit: 20, offset: 0 }, 20)).toBeUndefined();
    expect(totalFromPage({ limit: 20, offset: 40 }, 0)).toBeUndefined();
  });

  it('marks a page whose total is capped, and only such a page', () => {
    const paging = toSqlPaging({ page: 2 }, columns, 'name');
    expect(toPage(['a'], { total: COUNT_CAP, totalCapped: true }, paging)).toEqual({
      items: ['a'],
      total: COUNT_CAP,
      page: 2,
      pageSize: 20,
      totalCapped: true,
    });
    expect(toPage(['a'], 7, paging)).toEqual({ items: ['a'], total: 7, page: 2, pageSize: 20 });
    expect(toPage(['a'], { total: 7, totalCapped: false }, paging)).not.toHaveProperty('totalCapped');
  });

  it("matches every word of a search box in any of the record's columns, accents and case aside", () => {
    expect(likePatterns('  Lê  lợi THCS ')).toEqual(['%Lê%', '%lợi%', '%THCS%']);
    expect(allWordsSql('$2::text[]', 's.full_name')).toBe(
      'unaccent_vi(s.full_name) ilike all (select unaccent_vi(w) from unnest($2::text[]) w)',
    );
    expect(allWordsSql('$3::text[]', 'u.name', 'u.code')).toBe(
      "unaccent_vi(concat_ws(' ', u.name, u.code)) ilike all (select unaccent_vi(w) from unnest($3::text[]) w)",
    );
  });
});
