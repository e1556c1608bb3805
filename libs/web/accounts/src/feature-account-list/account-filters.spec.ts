import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@emis/contracts';
import { accountListRequest, hasFilters } from './account-filters';

describe('accountListRequest', () => {
  it('reads the filters of the home page links (without MFA, soft-locked)', () => {
    expect(accountListRequest({ withoutMfa: 'true', status: 'SOFT_LOCKED' })).toEqual({
      q: undefined,
      unitId: undefined,
      role: undefined,
      status: 'SOFT_LOCKED',
      withoutMfa: true,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('drops a role or status the API does not know, and a blank search', () => {
    const request = accountListRequest({ role: 'SUPERUSER', status: 'LOCKED', q: '   ' });
    expect(request.role).toBeUndefined();
    expect(request.status).toBeUndefined();
    expect(request.q).toBeUndefined();
    expect(hasFilters(request)).toBe(false);
  });

  it('keeps a known role and the page asked for, capping the page size at the API’s largest', () => {
    const request = accountListRequest({ role: 'TEACHER', page: '3', pageSize: '5000' });
    expect(request.role).toBe('TEACHER');
    expect(request.page).toBe(3);
    expect(request.pageSize).toBe(MAX_PAGE_SIZE);
    expect(hasFilters(request)).toBe(true);
  });

  it('falls back to the first page for a page that is not a positive whole number', () => {
    expect(accountListRequest({ page: '-2' }).page).toBe(1);
    expect(accountListRequest({ page: 'abc' }).page).toBe(1);
  });
});
