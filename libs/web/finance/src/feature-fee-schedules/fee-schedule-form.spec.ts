// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { FeeSchedule } from '@emis/contracts';
import {
  checkFeeForm,
  emptyFeeForm,
  feeFormOf,
  parseGrades,
  toFeeScheduleInput,
  toFeeScheduleUpdate,
} from './fee-schedule-form';

const meals = {
  id: 'f1',
  schoolYearId: 'y25',
  feeKind: 'MEALS',
  name: 'Tiền ăn bán trú',
  billingUnit: 'MONTH',
  amount: 450_000,
  grades: ['1', '2'],
  voluntary: false,
  decisionNumber: null,
  status: 'DRAFT',
  adoptedOn: null,
  allowed: { minAmount: 300_000, maxAmount: 600_000 },
  version: 3,
} satisfies FeeSchedule;

describe('the fee dialog', () => {
  it('reads grades separated by commas, semicolons or spaces', () => {
    expect(parseGrades(' 6, 7 ;8  9 ')).toEqual(['6', '7', '8', '9']);
    expect(parseGrades('')).toEqual([]);
  });

  it('refuses an amount outside the province’s range and accepts its bounds', () => {
    const form = { ...feeFormOf(meals) };
    expect(checkFeeForm({ ...form, amount: '299.999' }, meals.allowed).amount).toBe('outside');
    expect(checkFeeForm({ ...form, amount: '600.001' }, meals.allowed).amount).toBe('outside');
    expect(checkFeeForm({ ...form, amount: '300.000' }, meals.allowed)).toEqual({});
    expect(checkFeeForm({ ...form, amount: '600.000' }, meals.allowed)).toEqual({});
  });

  it('asks for a name and an amount in whole đồng above 0', () => {
    const errors = checkFeeForm({ ...emptyFeeForm(), amount: '1,5' }, null);
    expect(errors).toEqual({ name: 'name', amount: 'dong' });
    expect(checkFeeForm({ ...emptyFeeForm(), name: 'Nước uống', amount: '0' }, null).amount).toBe('amount');
  });

  it('sends a new fee with its grades and a draft edit with the version it was read at', () => {
    const form = { ...feeFormOf(meals), amount: '500.000', grades: '1, 2, 3' };
    expect(toFeeScheduleInput('y25', form)).toEqual({
      schoolYearId: 'y25',
      feeKind: 'MEALS',
      name: 'Tiền ăn bán trú',
      billingUnit: 'MONTH',
      amount: 500_000,
      grades: ['1', '2', '3'],
      voluntary: false,
      decisionNumber: null,
    });
    expect(toFeeScheduleUpdate(meals, form)).toEqual({
      name: 'Tiền ăn bán trú',
      billingUnit: 'MONTH',
      amount: 500_000,
      grades: ['1', '2', '3'],
      voluntary: false,
      decisionNumber: null,
      version: 3,
    });
  });
});
