import { accountListRequest } from '../feature-account-list/account-filters';
import { attentionTiles } from './attention-tiles';

const attention = {
  withoutMfa: 4,
  softLocked: 1,
  disabled: 7,
  schoolsWithoutAdmin: [],
  pendingResetRequests: 2,
};

describe('attentionTiles', () => {
  it('links each count to the list filter that shows exactly those accounts', () => {
    const tiles = Object.fromEntries(attentionTiles(attention).map((t) => [t.key, t]));
    expect(accountListRequest(tiles['withoutMfa'].query).withoutMfa).toBe(true);
    expect(accountListRequest(tiles['softLocked'].query).status).toBe('SOFT_LOCKED');
    expect(accountListRequest(tiles['disabled'].query).status).toBe('DISABLED');
    expect(tiles['resetRequests'].path).toBe('/accounts/reset-requests');
  });

  it('carries the counts of the API’s answer', () => {
    expect(attentionTiles(attention).map((t) => t.count)).toEqual([4, 1, 2, 7]);
  });
});
