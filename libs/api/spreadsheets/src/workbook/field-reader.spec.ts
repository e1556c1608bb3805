import { CellErrors } from './cell-errors';
import { FieldReader, restoredId } from './field-reader';
import { CellValue } from './sheet-reader';

const COLUMNS = new Map([['personalId', { col: 2, header: 'Mã định danh' }]]);

function read(value: CellValue, birthDate: string | null = null, gender: 'MALE' | 'FEMALE' | null = null) {
  const errors = new CellErrors(COLUMNS);
  const id = new FieldReader(
    { row: 5, values: new Map([['personalId', value]]), flagged: new Set() },
    errors,
  ).personalId('personalId', birthDate, gender);
  return { id, errors: errors.all().map((e) => e.message), notices: errors.notices() };
}

describe('a personal id typed as a number (Excel drops its leading zeros)', () => {
  it('puts back the one zero of an 11-digit number (province 034) and tells the clerk on the cell', () => {
    const { id, errors, notices } = read(34313001234, '2013-05-06', 'FEMALE');
    expect(id).toBe('034313001234');
    expect(errors).toEqual([]);
    expect(notices).toEqual([
      {
        row: 5,
        col: 2,
        column: 'B',
        header: 'Mã định danh',
        message: 'Mã định danh được nhập dạng số nên Excel bỏ mất số 0 ở đầu; đã đọc là 034313001234. Hãy kiểm tra lại',
      },
    ]);
  });

  it('puts back both zeros of a 10-digit number (Hà Nội, province 001)', () => {
    expect(read(1085123456).id).toBe('001085123456');
    expect(read(1085123456).notices).toHaveLength(1);
  });

  it('gives no notice for an id typed as text, which keeps its zero', () => {
    const { id, notices } = read('034313001234');
    expect(id).toBe('034313001234');
    expect(notices).toEqual([]);
  });

  it('refuses, without a notice, a number too short to be an id with its zeros lost', () => {
    const { id, errors, notices } = read(342130012);
    expect(id).toBeNull();
    expect(errors).toEqual(['Mã định danh phải gồm đúng 12 chữ số']);
    expect(notices).toEqual([]);
  });

  it('refuses an 11-digit number whose restoration is no valid id (province 099 does not exist)', () => {
    const { id, errors, notices } = read(99213001234);
    expect(id).toBeNull();
    expect(errors).toEqual(['Mã định danh phải gồm đúng 12 chữ số']);
    expect(notices).toEqual([]);
  });

  it('reports the mismatch, not a notice, when the restored id disagrees with the birth year', () => {
    const { id, errors, notices } = read(34313001234, '2010-05-06', 'FEMALE');
    expect(id).toBeNull();
    expect(errors).toEqual(['Mã định danh không khớp với giới tính và năm sinh (chữ số thứ 4–6)']);
    expect(notices).toEqual([]);
  });

  it('restores only whole numbers of 10 or 11 digits', () => {
    expect(restoredId(34313001234)).toBe('034313001234');
    expect(restoredId(3431300123.5)).toBeNull();
    expect(restoredId(342130012)).toBeNull();
    expect(restoredId(341313001234)).toBeNull();
  });
});

describe('a school code (a unit list\'s "Mã trường")', () => {
  const codeOf = (value: CellValue | undefined, required = false) => {
    const errors = new CellErrors(new Map([['schoolCode', { col: 2, header: 'Mã trường' }]]));
    const values = new Map<string, CellValue>(value === undefined ? [] : [['schoolCode', value]]);
    const code = new FieldReader({ row: 4, values, flagged: new Set() }, errors).code('schoolCode', required);
    return { code, errors: errors.all().map((e) => e.message) };
  };

  it('reads text trimmed and in upper case, and a code of digits stored as a number', () => {
    expect(codeOf(' thcs-0001 ')).toEqual({ code: 'THCS-0001', errors: [] });
    expect(codeOf(79000701)).toEqual({ code: '79000701', errors: [] });
  });

  it('refuses a date or a fraction on the cell, and an empty cell when required', () => {
    expect(codeOf(new Date(Date.UTC(2020, 0, 1))).errors).toEqual(['Phải là văn bản, không phải số hay ngày']);
    expect(codeOf(12.5).errors).toEqual(['Phải là văn bản, không phải số hay ngày']);
    expect(codeOf(undefined, true)).toEqual({ code: null, errors: ['Bắt buộc nhập'] });
    expect(codeOf(undefined)).toEqual({ code: null, errors: [] });
  });
});
