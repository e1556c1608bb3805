import { Reconciliation } from '@emis/contracts';
import { isCountCheck, reconciliationVerdict } from './reconciliation-view';

const balanced: Reconciliation = {
  from: '2026-01-01',
  to: '2026-03-31',
  checks: [
    { code: 'RECEIPTS_NUMBERED', left: 12, right: 12, difference: 0, causes: [] },
    { code: 'CASH_BOOK', left: 3_000_000, right: 3_000_000, difference: 0, causes: [] },
  ],
  balanced: true,
};

describe('the reconciliation verdict', () => {
  it('is balanced when every check has no difference', () => {
    expect(reconciliationVerdict(balanced)).toEqual({ balanced: true, differing: 0 });
  });

  it('counts the checks that differ, whichever side is larger', () => {
    const broken: Reconciliation = {
      ...balanced,
      checks: [
        { code: 'RECEIPTS_NUMBERED', left: 12, right: 11, difference: 1, causes: [] },
        { code: 'CASH_BOOK', left: 2_500_000, right: 3_000_000, difference: -500_000, causes: [] },
      ],
      balanced: false,
    };
    expect(reconciliationVerdict(broken)).toEqual({ balanced: false, differing: 2 });
  });

  it('never calls the books balanced while a check shows a difference', () => {
    const contradictory: Reconciliation = {
      ...balanced,
      checks: [{ code: 'CASH_BOOK', left: 1, right: 0, difference: 1, causes: [] }],
      balanced: true,
    };
    expect(reconciliationVerdict(contradictory).balanced).toBe(false);
  });
});

describe('a reconciliation check', () => {
  it('compares counts for the numbering of receipts and vouchers, đồng for the rest', () => {
    expect(isCountCheck('RECEIPTS_NUMBERED')).toBe(true);
    expect(isCountCheck('VOUCHERS_NUMBERED')).toBe(true);
    expect(isCountCheck('BANK_BOOK')).toBe(false);
  });
});
