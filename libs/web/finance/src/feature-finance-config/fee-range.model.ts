import { FormControl, FormGroup, Validators } from '@angular/forms';
import { FeeRange, FeeRangeInput } from '@emis/contracts';
import { BillingUnit, FeeArea, FEE_KINDS, OtherFeeKind, SchoolLevel } from '@emis/domain';

/** The fees whose range the province sets: every fee but tuition (tuition has the province's level instead). */
export const RANGED_FEE_KINDS = FEE_KINDS.filter((k): k is OtherFeeKind => k !== 'TUITION');

const text = (max: number) =>
  new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max)] });

export function createFeeRangeForm() {
  return new FormGroup({
    feeKind: new FormControl<OtherFeeKind>('MEALS', { nonNullable: true }),
    schoolLevel: new FormControl<SchoolLevel>('PRIMARY', { nonNullable: true }),
    area: new FormControl<FeeArea | 'ANY'>('ANY', { nonNullable: true }),
    billingUnit: new FormControl<BillingUnit>('MONTH', { nonNullable: true }),
    minAmount: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(0)] }),
    maxAmount: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(0)] }),
    nameVi: text(200),
    nameEn: text(200),
  });
}

export type FeeRangeForm = ReturnType<typeof createFeeRangeForm>;

export function fillFeeRangeForm(form: FeeRangeForm, range: FeeRange): void {
  const { id: _id, schoolYearId: _year, ...fields } = range;
  form.reset(fields);
}

/**
 * The range for the year, or why not: a field missing (a name of spaces is none), or a minimum above the maximum (the
 * API refuses both too).
 */
export function toFeeRangeInput(
  form: FeeRangeForm,
  schoolYearId: string,
): { input: FeeRangeInput } | { error: 'form' | 'minAboveMax' } {
  const v = form.getRawValue();
  const blankName = !v.nameVi.trim() || !v.nameEn.trim();
  if (form.invalid || blankName || v.minAmount === null || v.maxAmount === null) return { error: 'form' };
  if (v.minAmount > v.maxAmount) return { error: 'minAboveMax' };
  return {
    input: {
      ...v,
      schoolYearId,
      minAmount: v.minAmount,
      maxAmount: v.maxAmount,
      nameVi: v.nameVi.trim(),
      nameEn: v.nameEn.trim(),
    },
  };
}
