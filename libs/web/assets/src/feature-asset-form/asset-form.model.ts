import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { AssetCategory, AssetDetail, AssetInput, AssetUpdate } from '@emis/contracts';
import { AssetClass, AssetCondition, AssetStatus, FundingSource } from '@emis/domain';

/** Statuses an edit may set; the others come from a loan, a disposal or a transfer. */
export const EDITABLE_STATUSES = [
  'IN_USE',
  'IDLE',
  'UNDER_REPAIR',
  'AWAITING_DISPOSAL',
] as const satisfies readonly AssetStatus[];
type EditableStatus = (typeof EDITABLE_STATUSES)[number];

function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { integer: true };
}

/**
 * An asset brought from paper books carries the wear posted there up to the end of a year: that year lies between
 * the year put into use and this year (and is required with it), and the wear cannot exceed the cost (a fully worn asset stays on the books
 * at zero remaining value, Circular 23/2023/TT-BTC Art. 5.3). The same rules the API checks.
 */
export function openingWearRule(today: () => Date) {
  return (group: AbstractControl): ValidationErrors | null => {
    const form = group as AssetForm;
    const { inUseOn, openingWear, openingWearYear, unitCost, quantity } = form.getRawValue();
    const errors: ValidationErrors = {};
    if (openingWear && openingWearYear === null) errors['openingYearRequired'] = true;
    if (openingWearYear !== null && /^\d{4}-/.test(inUseOn)) {
      const first = Number(inUseOn.slice(0, 4));
      if (openingWearYear < first || openingWearYear > today().getFullYear()) errors['openingYear'] = true;
    }
    if (openingWear !== null && unitCost !== null && quantity !== null && openingWear > unitCost * quantity) {
      errors['openingWearAbove'] = true;
    }
    return Object.keys(errors).length > 0 ? errors : null;
  };
}

export function createAssetForm(today: () => Date = () => new Date()) {
  const text = (max: number, required = false) =>
    new FormControl('', {
      nonNullable: true,
      validators: required ? [Validators.required, Validators.maxLength(max)] : [Validators.maxLength(max)],
    });
  return new FormGroup(
    {
      code: text(30),
      name: text(200, true),
      categoryCode: text(40, true),
      quantity: new FormControl<number | null>(1, {
        validators: [Validators.required, Validators.min(1), Validators.max(1_000_000), wholeNumber],
      }),
      unit: new FormControl('cái', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20)] }),
      unitCost: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(0)] }),
      fundingSource: new FormControl<FundingSource>('STATE_BUDGET', { nonNullable: true }),
      inUseOn: text(10, true),
      documentNumber: text(60),
      documentDate: text(10),
      locationId: new FormControl<string | null>(null),
      responsible: text(100),
      condition: new FormControl<AssetCondition>('GOOD', { nonNullable: true }),
      status: new FormControl<EditableStatus>('IN_USE', { nonNullable: true }),
      openingWear: new FormControl<number | null>(null, { validators: [Validators.min(0)] }),
      openingWearYear: new FormControl<number | null>(null, {
        validators: [Validators.min(1900), Validators.max(2100), wholeNumber],
      }),
      note: text(1000),
    },
    { validators: [openingWearRule(today)] },
  );
}

export type AssetForm = ReturnType<typeof createAssetForm>;

/**
 * Fills the form from a record for an edit. Quantity, unit cost and opening wear are fixed at registration (the
 * cost moves only by a cost change, which the history keeps), so they are shown but disabled.
 */
export function fillAssetForm(form: AssetForm, a: AssetDetail): void {
  form.reset({
    code: a.code,
    name: a.name,
    categoryCode: a.categoryCode,
    quantity: a.quantity,
    unit: a.unit,
    unitCost: a.unitCost,
    fundingSource: a.fundingSource,
    inUseOn: a.inUseOn.slice(0, 10),
    documentNumber: a.documentNumber ?? '',
    documentDate: a.documentDate?.slice(0, 10) ?? '',
    locationId: a.location?.id ?? null,
    responsible: a.responsible ?? '',
    condition: a.condition,
    status: EDITABLE_STATUSES.find((s) => s === a.status) ?? 'IN_USE',
    openingWear: a.openingWear || null,
    openingWearYear: a.openingWearYear,
    note: a.note ?? '',
  });
  for (const fixed of ['quantity', 'unitCost', 'openingWear'] as const) form.controls[fixed].disable();
}

export function toAssetInput(form: AssetForm): AssetInput {
  const v = form.getRawValue();
  return {
    ...(v.code.trim() ? { code: v.code.trim() } : {}),
    ...describedFields(form),
    quantity: Number(v.quantity),
    unitCost: Number(v.unitCost),
    openingWear: v.openingWear ?? 0,
  };
}

export function toAssetUpdate(form: AssetForm, version: number): AssetUpdate {
  const v = form.getRawValue();
  return { code: v.code.trim(), ...describedFields(form), status: v.status, version };
}

/** The fields a registration and an edit share, trimmed, with empty text sent as null. */
function describedFields(form: AssetForm) {
  const v = form.getRawValue();
  const orNull = (text: string) => text.trim() || null;
  return {
    name: v.name.trim().replace(/\s+/g, ' '),
    categoryCode: v.categoryCode,
    unit: v.unit.trim(),
    fundingSource: v.fundingSource,
    inUseOn: v.inUseOn,
    documentNumber: orNull(v.documentNumber),
    documentDate: orNull(v.documentDate),
    locationId: v.locationId,
    responsible: orNull(v.responsible),
    condition: v.condition,
    openingWearYear: v.openingWear ? v.openingWearYear : null,
    note: orNull(v.note),
  };
}

/** Categories under their class, in the appendix's order, for a select of <optgroup>s. */
export function categoriesByClass(
  categories: readonly AssetCategory[],
): { assetClass: AssetClass; categories: AssetCategory[] }[] {
  const groups = new Map<AssetClass, AssetCategory[]>();
  for (const category of categories) {
    const group = groups.get(category.assetClass) ?? [];
    group.push(category);
    groups.set(category.assetClass, group);
  }
  return [...groups].map(([assetClass, list]) => ({ assetClass, categories: list }));
}

/** Fields filled by choosing from a list: left empty, they say "Vui lòng chọn", not "Vui lòng nhập". */
const CHOICE_FIELDS = new Set(['categoryCode', 'fundingSource', 'locationId', 'condition', 'status']);

/** The translation key for a control's first failed rule (under assets.register.form.errors). */
export function assetRuleKey(errors: ValidationErrors, field = ''): string {
  if (errors['required'] && CHOICE_FIELDS.has(field)) return 'assets.register.form.errors.requiredChoice';
  // A date typed that is no date (emisDateInput) leaves the control empty too: the format is what to say.
  if (errors['date']) return 'dateInput.invalid';
  const order = ['dong', 'required', 'integer', 'min', 'max', 'maxlength'];
  return `assets.register.form.errors.${order.find((rule) => errors[rule]) ?? 'invalid'}`;
}
