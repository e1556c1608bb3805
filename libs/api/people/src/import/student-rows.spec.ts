import { CellErrors, FieldReader, SheetRow } from '@emis/api/spreadsheets';
import { STUDENT_LAYOUT } from './student-layout';
import { readStudentRow } from './student-rows';

const COLUMNS = new Map(STUDENT_LAYOUT.columns.map((c, i) => [c.key, { col: i + 1, header: c.header }]));

function read(cells: Record<string, string | number>) {
  const values = new Map<string, string | number>(
    Object.entries({
      personalId: '034313001234',
      fullName: 'Nguyễn Thị An',
      dateOfBirth: '06/05/2013',
      gender: 'Nữ',
      ...cells,
    }),
  );
  const source: SheetRow = { row: 7, values, flagged: new Set() };
  const errors = new CellErrors(COLUMNS);
  const row = readStudentRow(new FieldReader(source, errors));
  return { row, errors: errors.all().map((e) => [e.header, e.message]) };
}

describe('the parents of a student row', () => {
  it('keeps a father with his name and phone', () => {
    expect(read({ fatherName: 'Trần Văn Bình', fatherPhone: '0912345678' }).row.guardians).toEqual([
      { relation: 'FATHER', fullName: 'Trần Văn Bình', phone: '0912345678', occupation: null, birthYear: null },
    ]);
  });

  it('keeps a phone without a name as a contact of unknown relation, without an error', () => {
    const { row, errors } = read({ fatherPhone: 912345678, motherName: 'Lê Thị Hoa' });
    expect(errors).toEqual([]);
    expect(row.guardians).toEqual([
      { relation: 'UNKNOWN', fullName: null, phone: '0912345678', occupation: null, birthYear: null },
      { relation: 'MOTHER', fullName: 'Lê Thị Hoa', phone: null, occupation: null, birthYear: null },
    ]);
  });

  it('refuses a bad phone without a name on the phone cell, and keeps no contact for it', () => {
    const { row, errors } = read({ motherPhone: '12345' });
    expect(row.guardians).toBeNull();
    expect(errors).toEqual([['SĐT mẹ', expect.stringContaining('Số điện thoại không hợp lệ')]]);
  });

  it('records no parent for empty parent columns', () => {
    expect(read({}).row.guardians).toEqual([]);
  });
});

describe('a student row with errors', () => {
  it('still answers its other fields, so the file checks can run on it', () => {
    const { row, errors } = read({ dateOfBirth: '31/02/2013', gender: 'Trai', className: '7A' });
    expect(errors).toEqual([
      ['Ngày sinh (dd/mm/yyyy)', 'Ngày không tồn tại'],
      ['Giới tính', 'Giá trị không hợp lệ; chọn một trong: Nam, Nữ'],
    ]);
    expect(row).toMatchObject({
      row: 7,
      personalId: '034313001234',
      fullName: 'Nguyễn Thị An',
      dateOfBirth: null,
      gender: null,
      className: '7A',
    });
  });
});
