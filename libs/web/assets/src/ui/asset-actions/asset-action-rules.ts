import { AssetDetail } from '@emis/contracts';
import { AssetStatus, Permission } from '@emis/domain';

export type AssetAction = 'move' | 'lend' | 'return' | 'dispose' | 'transfer';

/** Why an action cannot be taken now: a key under 'assets.operations.actions.blocked'. */
export type ActionBlock = 'offBooks' | 'pendingTransfer' | 'lent' | 'notLent' | 'underRepair' | 'awaitingDisposal';

/** Moves, loans and returns are everyday management; disposal and transfers are the head's decisions. */
export const ACTION_PERMISSION: Record<AssetAction, Permission> = {
  move: 'assets.manage',
  lend: 'assets.manage',
  return: 'assets.manage',
  dispose: 'assets.approve',
  transfer: 'assets.approve',
};

const OFF_BOOKS: readonly AssetStatus[] = ['DISPOSED', 'TRANSFERRED'];

type ActionAsset = Pick<AssetDetail, 'status' | 'openLoan' | 'pendingTransfer'>;

/** Still on the school's books: neither disposed of nor transferred away. */
export function onBooks(asset: Pick<AssetDetail, 'status'>): boolean {
  return !OFF_BOOKS.includes(asset.status);
}

/**
 * What stands in the way of an action, or null when it may go ahead. A disposed or transferred asset has left the
 * books; one released to another school waits for that school's answer; a lent one comes back before it is moved,
 * disposed of or transferred (the borrower holds it).
 */
export function actionBlock(asset: ActionAsset, action: AssetAction): ActionBlock | null {
  if (!onBooks(asset)) return 'offBooks';
  if (asset.pendingTransfer?.status === 'PENDING') return 'pendingTransfer';
  const lent = asset.openLoan !== null || asset.status === 'LENT';
  if (action === 'return') return lent ? null : 'notLent';
  if (lent) return 'lent';
  if (action === 'lend' && asset.status === 'UNDER_REPAIR') return 'underRepair';
  if ((action === 'lend' || action === 'transfer') && asset.status === 'AWAITING_DISPOSAL') return 'awaitingDisposal';
  return null;
}
