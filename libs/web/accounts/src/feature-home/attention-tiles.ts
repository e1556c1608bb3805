import { AccountsAttention } from '@emis/contracts';

/** Schools without an administrator listed by name on the home page; the rest are counted. */
export const SCHOOLS_SHOWN = 5;

export interface AttentionTile {
  key: 'withoutMfa' | 'softLocked' | 'disabled' | 'resetRequests';
  count: number;
  path: string;
  /** The accounts list's URL filters that show exactly the accounts counted. */
  query: Record<string, string>;
}

/** The counts of the home panel, each a link to the list filtered to what it counts. */
export function attentionTiles(attention: AccountsAttention): AttentionTile[] {
  return [
    { key: 'withoutMfa', count: attention.withoutMfa, path: '/accounts', query: { withoutMfa: 'true' } },
    { key: 'softLocked', count: attention.softLocked, path: '/accounts', query: { status: 'SOFT_LOCKED' } },
    { key: 'resetRequests', count: attention.pendingResetRequests, path: '/accounts/reset-requests', query: {} },
    { key: 'disabled', count: attention.disabled, path: '/accounts', query: { status: 'DISABLED' } },
  ];
}
