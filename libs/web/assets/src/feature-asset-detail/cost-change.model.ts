import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { CostChangeInput } from '@emis/contracts';
import { CostChangeKind } from '@emis/domain';

/**
 * Which way a cost change may move the original cost (docs/domain/assets.md): an upgrade or a repair that adds value
 * raises it, a partial removal lowers it, a revaluation sets it either way but changes it.
 */
export function costDirection(currentCost: number) {
  return (group: AbstractControl): ValidationErrors | null => {
    const { kind, newCost } = (group as CostChangeForm).getRawValue();
    if (newCost === null) return null;
    if ((kind === 'UPGRADE' || kind === 'REPAIR') && newCost <= currentCost) return { raise: true };
    if (kind === 'PARTIAL_REMOVAL' && newCost >= currentCost) return { lower: true };
    if (newCost === currentCost) return { same: true };
    return null;
  };
}

export function createCostChangeForm(currentCost: number) {
  return new FormGroup(
    {
      kind: new FormControl<CostChangeKind>('UPGRADE', { nonNullable: true }),
      effectiveOn: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newCost: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(0)] }),
      documentNumber: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(60)],
      }),
      note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
    },
    { validators: [costDirection(currentCost)] },
  );
}

export type CostChangeForm = ReturnType<typeof createCostChangeForm>;

export function toCostChangeInput(form: CostChangeForm, version: number): CostChangeInput {
  const v = form.getRawValue();
  return {
    kind: v.kind,
    effectiveOn: v.effectiveOn,
    newCost: Number(v.newCost),
    documentNumber: v.documentNumber.trim(),
    note: v.note.trim() || null,
    version,
  };
}
