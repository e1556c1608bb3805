import { AssetLoan, AssetTransfer } from '@emis/contracts';
import { actionBlock, AssetAction } from './asset-action-rules';

const LOAN: AssetLoan = {
  id: 'loan-1',
  borrower: 'Tổ Tin học',
  lentOn: '2026-10-01',
  dueOn: null,
  returnedOn: null,
  note: null,
};

const PENDING: AssetTransfer = {
  id: 'tr-1',
  assetId: 'a-1',
  direction: 'OUT',
  otherSchool: { id: 's-2', name: 'Trường THCS Lạc Hồng' },
  status: 'PENDING',
  effectiveOn: '2026-11-01',
  decisionNumber: '12/QĐ-UBND',
  asset: { code: 'TS-0001', name: 'Máy chiếu', categoryCode: 'M', cost: 15_000_000, accumulatedWear: 3_000_000 },
  reason: null,
  createdAt: '2026-11-01T01:00:00Z',
  decidedAt: null,
};

const ALL: AssetAction[] = ['move', 'lend', 'return', 'dispose', 'transfer'];

function blocks(asset: Parameters<typeof actionBlock>[0]): Record<AssetAction, string | null> {
  return Object.fromEntries(ALL.map((action) => [action, actionBlock(asset, action)])) as Record<
    AssetAction,
    string | null
  >;
}

describe('which actions an asset allows', () => {
  it('lets an asset in use be moved, lent, disposed of and transferred, but not returned', () => {
    expect(blocks({ status: 'IN_USE', openLoan: null, pendingTransfer: null })).toEqual({
      move: null,
      lend: null,
      return: 'notLent',
      dispose: null,
      transfer: null,
    });
  });

  it('asks for a lent asset to come back before anything else happens to it', () => {
    expect(blocks({ status: 'LENT', openLoan: LOAN, pendingTransfer: null })).toEqual({
      move: 'lent',
      lend: 'lent',
      return: null,
      dispose: 'lent',
      transfer: 'lent',
    });
  });

  it('blocks everything while the receiving school has not answered a transfer', () => {
    const asset = { status: 'IN_USE' as const, openLoan: null, pendingTransfer: PENDING };
    for (const action of ALL) expect(actionBlock(asset, action)).toBe('pendingTransfer');
  });

  it('no longer blocks on a transfer the other school rejected', () => {
    const asset = {
      status: 'IN_USE' as const,
      openLoan: null,
      pendingTransfer: { ...PENDING, status: 'REJECTED' as const },
    };
    expect(actionBlock(asset, 'transfer')).toBeNull();
  });

  it('offers nothing for an asset that left the books', () => {
    for (const status of ['DISPOSED', 'TRANSFERRED'] as const) {
      for (const action of ALL)
        expect(actionBlock({ status, openLoan: null, pendingTransfer: null }, action)).toBe('offBooks');
    }
  });

  it('does not lend an asset under repair, nor lend or transfer one awaiting disposal, but may dispose of it', () => {
    expect(actionBlock({ status: 'UNDER_REPAIR', openLoan: null, pendingTransfer: null }, 'lend')).toBe('underRepair');
    expect(actionBlock({ status: 'UNDER_REPAIR', openLoan: null, pendingTransfer: null }, 'move')).toBeNull();
    const awaiting = { status: 'AWAITING_DISPOSAL' as const, openLoan: null, pendingTransfer: null };
    expect(actionBlock(awaiting, 'lend')).toBe('awaitingDisposal');
    expect(actionBlock(awaiting, 'transfer')).toBe('awaitingDisposal');
    expect(actionBlock(awaiting, 'dispose')).toBeNull();
  });
});
