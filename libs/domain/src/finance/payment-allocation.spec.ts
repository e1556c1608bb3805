import { allocatePayment, allocateRefund } from './payment-allocation';

const open = [
  { chargeId: 'hk1-tuition', outstanding: 900_000 },
  { chargeId: 'hk1-meals', outstanding: 500_000 },
  { chargeId: 'hk2-tuition', outstanding: 900_000 },
];

describe('allocatePayment', () => {
  it('settles the oldest charges first, the last one in part', () => {
    expect(allocatePayment(1_000_000, open)).toEqual({
      allocations: [
        { chargeId: 'hk1-tuition', amount: 900_000 },
        { chargeId: 'hk1-meals', amount: 100_000 },
      ],
    });
  });

  it('settles everything when the payment is exactly what is owed', () => {
    expect(allocatePayment(2_300_000, open)).toEqual({
      allocations: open.map((c) => ({ chargeId: c.chargeId, amount: c.outstanding })),
    });
  });

  it('refuses a payment above what the pupil owes, naming what is owed', () => {
    expect(allocatePayment(2_300_001, open)).toEqual({ refused: { reason: 'OVERPAYMENT', outstanding: 2_300_000 } });
    expect(allocatePayment(1, [])).toEqual({ refused: { reason: 'OVERPAYMENT', outstanding: 0 } });
  });

  it('takes the charges the cashier chose when they add up to the payment', () => {
    const chosen = [{ chargeId: 'hk2-tuition', amount: 900_000 }];
    expect(allocatePayment(900_000, open, chosen)).toEqual({ allocations: chosen });
  });

  it('refuses a chosen charge that is not open, named twice, or paid beyond what it owes', () => {
    expect(allocatePayment(10, open, [{ chargeId: 'other-pupil', amount: 10 }])).toEqual({
      refused: { reason: 'CHARGE_NOT_OPEN', chargeId: 'other-pupil' },
    });
    const twice = [
      { chargeId: 'hk1-meals', amount: 5 },
      { chargeId: 'hk1-meals', amount: 5 },
    ];
    expect(allocatePayment(10, open, twice)).toEqual({ refused: { reason: 'CHARGE_NOT_OPEN', chargeId: 'hk1-meals' } });
    expect(allocatePayment(600_000, open, [{ chargeId: 'hk1-meals', amount: 600_000 }])).toEqual({
      refused: { reason: 'CHARGE_OVERPAID', chargeId: 'hk1-meals', outstanding: 500_000 },
    });
  });

  it('refuses chosen amounts that do not add up to the payment', () => {
    expect(allocatePayment(1_000_000, open, [{ chargeId: 'hk1-meals', amount: 500_000 }])).toEqual({
      refused: { reason: 'ALLOCATION_SUM', allocated: 500_000 },
    });
  });
});

describe('allocateRefund', () => {
  const settled = [
    { chargeId: 'hk1-tuition', paid: 900_000, outstanding: 0 },
    { chargeId: 'hk1-meals', paid: 500_000, outstanding: -200_000 },
    { chargeId: 'hk2-tuition', paid: 300_000, outstanding: 600_000 },
  ];

  it('pays back a credit left by a later waiver first', () => {
    expect(allocateRefund(200_000, settled)).toEqual({ allocations: [{ chargeId: 'hk1-meals', amount: -200_000 }] });
  });

  it('then unsettles the charges paid last, keeping the oldest debts paid', () => {
    expect(allocateRefund(700_000, settled)).toEqual({
      allocations: [
        { chargeId: 'hk1-meals', amount: -400_000 },
        { chargeId: 'hk2-tuition', amount: -300_000 },
      ],
    });
  });

  it('refuses more than the payment still has on its charges', () => {
    expect(allocateRefund(1_700_001, settled)).toEqual({ refused: { reason: 'OVERREFUND', refundable: 1_700_000 } });
  });
});
