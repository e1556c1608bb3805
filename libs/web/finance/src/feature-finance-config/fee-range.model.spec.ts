import '@angular/compiler';
import { FeeRange } from '@emis/contracts';
import { createFeeRangeForm, fillFeeRangeForm, RANGED_FEE_KINDS, toFeeRangeInput } from './fee-range.model';

const meals: FeeRange = {
  id: 'r1',
  schoolYearId: 'y1',
  feeKind: 'MEALS',
  schoolLevel: 'PRIMARY',
  area: 'RURAL',
  billingUnit: 'MONTH',
  minAmount: 300_000,
  maxAmount: 450_000,
  nameVi: 'Tiền ăn bán trú',
  nameEn: 'School meals',
};

describe("a province's fee range", () => {
  it('is set for every fee but tuition', () => {
    expect(RANGED_FEE_KINDS).not.toContain('TUITION');
    expect(RANGED_FEE_KINDS).toContain('MEALS');
  });

  it('reads back as it was stored, for the year it belongs to', () => {
    const form = createFeeRangeForm();
    fillFeeRangeForm(form, meals);
    const { id: _id, ...input } = meals;
    expect(toFeeRangeInput(form, 'y1')).toEqual({ input });
  });

  it('is refused with a minimum above the maximum, or a field missing', () => {
    const form = createFeeRangeForm();
    fillFeeRangeForm(form, { ...meals, minAmount: 500_000 });
    expect(toFeeRangeInput(form, 'y1')).toEqual({ error: 'minAboveMax' });
    form.patchValue({ minAmount: 100_000, nameVi: '   ' });
    expect(toFeeRangeInput(form, 'y1')).toEqual({ error: 'form' });
    form.patchValue({ nameVi: '', nameEn: 'Meals' });
    expect(toFeeRangeInput(form, 'y1')).toEqual({ error: 'form' });
  });
});
