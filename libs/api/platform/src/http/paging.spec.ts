import { likePattern, toSqlPaging } from './paging';

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
});
