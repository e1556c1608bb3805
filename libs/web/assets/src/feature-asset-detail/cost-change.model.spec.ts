// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { createCostChangeForm, toCostChangeInput } from './cost-change.model';

const COST = 25_000_000;

function filled(kind: 'UPGRADE' | 'REPAIR' | 'REVALUATION' | 'PARTIAL_REMOVAL', newCost: number) {
  const form = createCostChangeForm(COST);
  form.setValue({ kind, effectiveOn: '2026-06-15', newCost, documentNumber: ' 12/QĐ-THCS ', note: '' });
  return form;
}

describe('a change of the original cost', () => {
  it('raises the cost for an upgrade or a value-adding repair', () => {
    expect(filled('UPGRADE', 30_000_000).errors).toBeNull();
    expect(filled('UPGRADE', COST).errors).toEqual({ raise: true });
    expect(filled('REPAIR', 20_000_000).errors).toEqual({ raise: true });
  });

  it('lowers the cost for a partial removal', () => {
    expect(filled('PARTIAL_REMOVAL', 20_000_000).errors).toBeNull();
    expect(filled('PARTIAL_REMOVAL', 26_000_000).errors).toEqual({ lower: true });
  });

  it('moves the cost either way for a revaluation, but moves it', () => {
    expect(filled('REVALUATION', 20_000_000).errors).toBeNull();
    expect(filled('REVALUATION', 30_000_000).errors).toBeNull();
    expect(filled('REVALUATION', COST).errors).toEqual({ same: true });
  });

  it('needs the date, the new cost and the document behind it', () => {
    const form = createCostChangeForm(COST);
    expect(form.controls.effectiveOn.hasError('required')).toBe(true);
    expect(form.controls.newCost.hasError('required')).toBe(true);
    expect(form.controls.documentNumber.hasError('required')).toBe(true);
  });

  it('is sent with the record version, the document trimmed and an empty note as null', () => {
    expect(toCostChangeInput(filled('UPGRADE', 30_000_000), 4)).toEqual({
      kind: 'UPGRADE',
      effectiveOn: '2026-06-15',
      newCost: 30_000_000,
      documentNumber: '12/QĐ-THCS',
      note: null,
      version: 4,
    });
  });
});
