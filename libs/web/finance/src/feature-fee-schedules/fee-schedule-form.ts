import { FeeSchedule, FeeScheduleInput, FeeScheduleUpdate } from '@emis/contracts';
import { BillingUnit, FeeKind } from '@emis/domain';
import { groupDong, ParsedDong, parseDong } from '@emis/web/ui';

/** The fee dialog's fields as typed. */
export interface FeeScheduleForm {
  feeKind: FeeKind;
  name: string;
  billingUnit: BillingUnit;
  amount: string;
  grades: string;
  voluntary: boolean;
  decisionNumber: string;
}

export type FeeScheduleFormError = 'name' | 'amount' | 'dong' | 'outside' | 'grades';

export function emptyFeeForm(): FeeScheduleForm {
  return {
    feeKind: 'MEALS',
    name: '',
    billingUnit: 'MONTH',
    amount: '',
    grades: '',
    voluntary: false,
    decisionNumber: '',
  };
}

export function feeFormOf(schedule: FeeSchedule): FeeScheduleForm {
  return {
    feeKind: schedule.feeKind,
    name: schedule.name,
    billingUnit: schedule.billingUnit,
    amount: groupDong(schedule.amount),
    grades: schedule.grades.join(', '),
    voluntary: schedule.voluntary,
    decisionNumber: schedule.decisionNumber ?? '',
  };
}

/** "6, 7 ,8" → ['6', '7', '8']; grade codes are the school's own ('6', 'MG5'), so only blanks are dropped. */
export function parseGrades(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((grade) => grade.trim())
    .filter((grade) => grade !== '');
}

/**
 * The dialog's checks: a name, an amount in whole đồng above 0, and, when the province sets a range for the fee,
 * an amount inside it (the API refuses to adopt one outside; saying so while typing spares the round trip).
 */
export function checkFeeForm(
  form: FeeScheduleForm,
  allowed: FeeSchedule['allowed'],
): Partial<Record<'name' | 'amount', FeeScheduleFormError>> {
  const errors: Partial<Record<'name' | 'amount', FeeScheduleFormError>> = {};
  if (form.name.trim() === '') errors.name = 'name';
  const amount: ParsedDong = parseDong(form.amount);
  if (!amount.ok) errors.amount = 'dong';
  else if (amount.value === null || amount.value <= 0) errors.amount = 'amount';
  else if (allowed && (amount.value < allowed.minAmount || amount.value > allowed.maxAmount)) errors.amount = 'outside';
  return errors;
}

function amountOf(form: FeeScheduleForm): number {
  const amount = parseDong(form.amount);
  return amount.ok ? (amount.value ?? 0) : 0;
}

export function toFeeScheduleInput(schoolYearId: string, form: FeeScheduleForm): FeeScheduleInput {
  return {
    schoolYearId,
    feeKind: form.feeKind,
    name: form.name.trim(),
    billingUnit: form.billingUnit,
    amount: amountOf(form),
    grades: parseGrades(form.grades),
    voluntary: form.voluntary,
    decisionNumber: form.decisionNumber.trim() || null,
  };
}

/** An edit sends the whole draft with the version it was read at, so a concurrent edit is refused, not overwritten. */
export function toFeeScheduleUpdate(schedule: FeeSchedule, form: FeeScheduleForm): FeeScheduleUpdate {
  const { schoolYearId: _year, feeKind: _kind, ...fields } = toFeeScheduleInput(schedule.schoolYearId, form);
  return { ...fields, version: schedule.version };
}
