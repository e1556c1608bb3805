import { BankStatementImport, IMPORT_MAX_BYTES } from '@emis/contracts';
import { importOutcome, statementRefusal } from './statement-file';

const statement = {
  id: 's1',
  fileName: 'sao-ke.xlsx',
  bankAccount: null,
  lineCount: 3,
  totalAmount: 4_500_000,
  matched: 2,
  unmatched: 1,
  importedAt: '2026-03-02T08:00:00Z',
};

describe('a bank statement chosen for import', () => {
  it('may be an Excel workbook or a CSV file, whatever the case of its extension', () => {
    expect(statementRefusal({ name: 'sao-ke-thang-3.xlsx', size: 20_000 })).toBeNull();
    expect(statementRefusal({ name: 'SAO-KE.CSV', size: 20_000 })).toBeNull();
  });

  it('is refused when it is another kind of file or too large', () => {
    expect(statementRefusal({ name: 'sao-ke.xls', size: 20_000 })).toBe('extension');
    expect(statementRefusal({ name: 'sao-ke.pdf', size: 20_000 })).toBe('extension');
    expect(statementRefusal({ name: 'sao-ke.csv', size: IMPORT_MAX_BYTES + 1 })).toBe('size');
  });
});

describe('the outcome of a statement import', () => {
  const base: BankStatementImport = { statement, duplicates: 0, matched: 2, unmatched: 1, errors: [] };

  it('is a refusal whenever a line has an error, even if a statement came back', () => {
    expect(importOutcome({ ...base, errors: [{ row: 4, column: 'amount', message: 'x' }] })).toBe('errors');
  });

  it('says nothing new when every line had been imported before', () => {
    expect(importOutcome({ ...base, statement: null, duplicates: 3, matched: 0, unmatched: 0 })).toBe('nothing-new');
    expect(importOutcome({ ...base, statement: { ...statement, lineCount: 0 }, duplicates: 3 })).toBe('nothing-new');
  });

  it('is written otherwise', () => {
    expect(importOutcome(base)).toBe('imported');
  });
});
