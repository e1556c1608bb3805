// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { AssetCategory, AssetDetail } from '@emis/contracts';
import {
  assetRuleKey,
  categoriesByClass,
  createAssetForm,
  fillAssetForm,
  toAssetInput,
  toAssetUpdate,
} from './asset-form.model';

const TODAY = () => new Date(2026, 11, 5);

function validForm() {
  const form = createAssetForm(TODAY);
  form.patchValue({
    name: ' Máy  chiếu   Epson ',
    categoryCode: 'OFFICE_EQUIPMENT',
    quantity: 1,
    unit: 'chiếc',
    unitCost: 25_000_000,
    inUseOn: '2026-03-02',
  });
  return form;
}

const detail = {
  id: 'a1',
  code: 'TS-0007',
  name: 'Máy chiếu Epson',
  assetClass: 'MACHINERY',
  categoryCode: 'OFFICE_EQUIPMENT',
  kind: 'FIXED',
  quantity: 1,
  unit: 'chiếc',
  cost: 25_000_000,
  unitCost: 25_000_000,
  originalCost: 25_000_000,
  accumulatedWear: 5_000_000,
  remainingValue: 20_000_000,
  fundingSource: 'TUITION',
  inUseOn: '2025-03-02',
  documentNumber: 'HĐ 0012',
  documentDate: '2025-02-28',
  location: { id: 'l1', building: 'Nhà A', room: 'P.201' },
  responsible: null,
  condition: 'GOOD',
  status: 'LENT',
  note: null,
  openingWear: 0,
  openingWearYear: null,
  lifeYears: 5,
  rateBasisPoints: 2000,
  history: [],
  wear: [],
  attachments: [],
  openLoan: null,
  pendingTransfer: null,
  version: 3,
} satisfies AssetDetail;

describe('the asset form', () => {
  it('is valid once name, category, quantity, unit, unit cost and the date put into use are filled', () => {
    expect(createAssetForm(TODAY).valid).toBe(false);
    expect(validForm().valid).toBe(true);
  });

  it('sends a registration trimmed, with no code when none was typed (the server proposes one)', () => {
    const input = toAssetInput(validForm());
    expect(input).not.toHaveProperty('code');
    expect(input).toMatchObject({
      name: 'Máy chiếu Epson',
      quantity: 1,
      unitCost: 25_000_000,
      fundingSource: 'STATE_BUDGET',
      documentNumber: null,
      locationId: null,
      openingWear: 0,
      openingWearYear: null,
    });
  });

  it('wants a whole quantity of at least one', () => {
    const form = validForm();
    form.controls.quantity.setValue(1.5);
    expect(form.controls.quantity.errors).toEqual({ integer: true });
    form.controls.quantity.setValue(0);
    expect(form.controls.quantity.hasError('min')).toBe(true);
  });

  it('keeps the year of wear from paper books between the year put into use and this year', () => {
    const form = validForm();
    form.patchValue({ openingWear: 5_000_000, openingWearYear: 2025 });
    expect(form.hasError('openingYear')).toBe(true);
    form.patchValue({ inUseOn: '2024-09-01' });
    expect(form.errors).toBeNull();
    form.patchValue({ openingWearYear: 2027 });
    expect(form.hasError('openingYear')).toBe(true);
  });

  it('asks for the last year of wear on paper books once such wear is entered', () => {
    const form = validForm();
    form.patchValue({ inUseOn: '2020-01-01', openingWear: 5_000_000 });
    expect(form.hasError('openingYearRequired')).toBe(true);
    form.patchValue({ openingWearYear: 2024 });
    expect(form.errors).toBeNull();
  });

  it('refuses wear from paper books above the cost', () => {
    const form = validForm();
    form.patchValue({ inUseOn: '2020-01-01', openingWear: 25_000_001, openingWearYear: 2025 });
    expect(form.hasError('openingWearAbove')).toBe(true);
    form.patchValue({ openingWear: 25_000_000 });
    expect(form.errors).toBeNull();
    expect(toAssetInput(form)).toMatchObject({ openingWear: 25_000_000, openingWearYear: 2025 });
  });

  it('fills from a record with quantity, cost and opening wear locked, and a lent asset edited as in use', () => {
    const form = createAssetForm(TODAY);
    fillAssetForm(form, detail);
    expect(form.controls.unitCost.disabled).toBe(true);
    expect(form.controls.quantity.disabled).toBe(true);
    expect(form.controls.openingWear.disabled).toBe(true);
    expect(form.controls.status.value).toBe('IN_USE');
    expect(form.valid).toBe(true);
    const update = toAssetUpdate(form, detail.version);
    expect(update).toMatchObject({ code: 'TS-0007', locationId: 'l1', documentDate: '2025-02-28', version: 3 });
    expect(update).not.toHaveProperty('unitCost');
    expect(update).not.toHaveProperty('quantity');
  });

  it('groups categories under their class in the order given', () => {
    const category = (code: string, assetClass: AssetCategory['assetClass']) => ({ code, assetClass }) as AssetCategory;
    const groups = categoriesByClass([
      category('SCHOOL_BUILDING', 'BUILDING'),
      category('OTHER_BUILDING', 'BUILDING'),
      category('OFFICE_EQUIPMENT', 'MACHINERY'),
    ]);
    expect(groups.map((g) => [g.assetClass, g.categories.map((c) => c.code)])).toEqual([
      ['BUILDING', ['SCHOOL_BUILDING', 'OTHER_BUILDING']],
      ['MACHINERY', ['OFFICE_EQUIPMENT']],
    ]);
  });

  it('names the first failed rule of a control, an unreadable amount before the others', () => {
    expect(assetRuleKey({ min: true, required: true })).toBe('assets.register.form.errors.required');
    expect(assetRuleKey({ required: true, dong: true })).toBe('assets.register.form.errors.dong');
    expect(assetRuleKey({ pattern: true })).toBe('assets.register.form.errors.invalid');
  });
});
