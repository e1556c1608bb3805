import { GradeConflict, GradeRow } from '@emis/contracts';
import { gradebookColumns, GradingSubject } from '@emis/domain';
import {
  acceptSaved,
  applyConflict,
  applyInput,
  cellText,
  COMMENT_KEY,
  isDomainError,
  parseClipboardBlock,
  resultText,
  semester1Text,
  SheetContext,
  takeTheirs,
  toGridRow,
} from './sheet-model';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const music: GradingSubject = { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 };

function contextOf(subject: GradingSubject, semester: 1 | 2 = 1): SheetContext {
  return {
    scheme: 'C22',
    subject,
    grade: '6',
    semester,
    yearCode: '2024-2025',
    columns: gradebookColumns('C22', subject, '6', semester),
  };
}

function gradeRow(cells: GradeRow['cells'], extra: Partial<GradeRow> = {}): GradeRow {
  return {
    studentId: 's1',
    ordinal: 1,
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '2013-09-05',
    cells,
    comment: null,
    average: null,
    rating: null,
    version: 3,
    updatedAt: '2025-01-10T02:00:00Z',
    updatedByName: 'Cô Lan',
    ...extra,
  };
}

// TX1–TX4 weigh 1, GK 2, CK 3 (Circular 22 Art. 9): (8·4 + 7·2 + 9·3) / 9 = 73 / 9 = 8,11… → 8,1.
const full = { TX1: 8, TX2: 8, TX3: 8, TX4: 8, GK: 7, CK: 9 };

describe('a grade sheet row', () => {
  it('computes the semester average on the client with the domain rule, whatever average the server sent', () => {
    const row = toGridRow(contextOf(maths), gradeRow(full, { average: 5 }));
    expect(row.result).toEqual({ average: 8.1, rating: null, missing: [] });
    expect(resultText(row.result)).toBe('8,1');
  });

  it('leaves the average uncomputed while a required assessment is missing, naming it', () => {
    const row = toGridRow(contextOf(maths), gradeRow({ TX1: 8, TX2: 8, TX3: 8, TX4: 8, GK: 7 }));
    expect(row.result).toEqual({ average: null, rating: null, missing: ['CK'] });
    expect(resultText(row.result)).toBe('');
  });

  it('computes the year average in semester II from semester I and II, II counting twice', () => {
    const row = toGridRow(contextOf(maths, 2), gradeRow(full, { semester1: { average: 6.5, rating: null } }));
    // (6,5 + 2 · 8,1) / 3 = 22,7 / 3 = 7,566… → 7,6
    expect(row.year).toEqual({ average: 7.6, rating: null, missing: [] });
    expect(semester1Text(row)).toBe('6,5');
    expect(resultText(row.year)).toBe('7,6');
  });

  it('rates a comment subject Đạt when every assessment is Đạt and shows ratings as the gradebook prints them', () => {
    const row = toGridRow(contextOf(music), gradeRow({ TX1: 'D', TX2: 'D', GK: 'D', CK: 'D' }));
    expect(row.result.rating).toBe('D');
    expect(resultText(row.result)).toBe('Đ');
    expect(cellText(row, 'TX1')).toBe('Đ');
  });
});

describe('typing into a cell', () => {
  it('reads a decimal comma, stores the number and recomputes the average', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    expect(applyInput(context, row, 'CK', '7,5')).toEqual({ changed: true });
    expect(row.values['CK']).toBe(7.5);
    expect(cellText(row, 'CK')).toBe('7,5');
    // (32 + 14 + 22,5) / 9 = 7,61… → 7,6
    expect(row.result.average).toBe(7.6);
  });

  it('reports no change when the same value is typed again, in another spelling', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    expect(applyInput(context, row, 'GK', '7.0')).toEqual({ changed: false });
  });

  it('keeps invalid text in the cell with its error, sends nothing and keeps the average of the saved value', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    expect(applyInput(context, row, 'CK', '10,5')).toEqual({ changed: false });
    expect(row.errors['CK']).toBe('outOfRange');
    expect(cellText(row, 'CK')).toBe('10,5');
    expect(row.values['CK']).toBe(9);
    expect(row.result.average).toBe(8.1);
    applyInput(context, row, 'TX1', '7,25');
    expect(row.errors['TX1']).toBe('tooManyDecimals');
    applyInput(context, row, 'TX2', 'tám');
    expect(row.errors['TX2']).toBe('notANumber');
  });

  it('queues a valid value typed over invalid text even when it equals the value before', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    applyInput(context, row, 'CK', 'x');
    expect(applyInput(context, row, 'CK', '9')).toEqual({ changed: true });
    expect(row.errors).toEqual({});
    expect(row.invalidText).toEqual({});
    expect(cellText(row, 'CK')).toBe('9');
  });

  it('clears a cell on empty input, which leaves the average uncomputed', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    expect(applyInput(context, row, 'GK', '')).toEqual({ changed: true });
    expect(row.values['GK']).toBeNull();
    expect(row.result.missing).toEqual(['GK']);
  });

  it('takes a rating in words without diacritics and rejects a rating of another kind', () => {
    const context = contextOf(music);
    const row = toGridRow(context, gradeRow({}));
    expect(applyInput(context, row, 'TX1', 'chua dat')).toEqual({ changed: true });
    expect(row.values['TX1']).toBe('CD');
    applyInput(context, row, 'TX2', 'C');
    expect(row.errors['TX2']).toBe('notARating');
  });

  it('ignores a key that is no column of the sheet', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    expect(applyInput(context, row, 'result', '5')).toEqual({ changed: false });
    expect(row.values).not.toHaveProperty('result');
  });

  it('treats the comment as free text, changed only when it differs', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full, { comment: 'Chăm chỉ' }));
    expect(applyInput(context, row, COMMENT_KEY, 'Chăm chỉ')).toEqual({ changed: false });
    expect(applyInput(context, row, COMMENT_KEY, 'Tiến bộ')).toEqual({ changed: true });
    expect(row.comment).toBe('Tiến bộ');
  });

  it('clears a conflict mark once the teacher types into the cell', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    row.conflicts['CK'] = true;
    applyInput(context, row, 'CK', '6');
    expect(row.conflicts).toEqual({});
  });
});

describe('taking a saved answer from the server', () => {
  it('moves to the new version and values, but keeps cells still pending, invalid or in conflict', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    applyInput(context, row, 'TX1', '5');
    applyInput(context, row, 'TX2', 'x');
    row.conflicts['TX3'] = true;
    row.values['TX3'] = 4;
    acceptSaved(
      context,
      row,
      gradeRow({ ...full, TX1: 6, TX2: 6, TX3: 6, TX4: 6 }, { version: 4, comment: 'Tốt', updatedByName: 'Thầy Minh' }),
      new Set(['TX1']),
    );
    expect(row.version).toBe(4);
    expect(row.saved).toEqual({ ...full, TX1: 6, TX2: 6, TX3: 6, TX4: 6 });
    expect(row.values).toMatchObject({ TX1: 5, TX2: 8, TX3: 4, TX4: 6 });
    expect(row.comment).toBe('Tốt');
    expect(row.updatedByName).toBe('Thầy Minh');
    // (5 + 8 + 4 + 6 + 14 + 27) / 9 = 64 / 9 = 7,11… → 7,1
    expect(row.result.average).toBe(7.1);
  });

  it('keeps a comment being typed and the semester I result when the answer carries none', () => {
    const context = contextOf(maths, 2);
    const row = toGridRow(context, gradeRow(full, { semester1: { average: 6.5, rating: null } }));
    applyInput(context, row, COMMENT_KEY, 'Đang gõ');
    acceptSaved(context, row, gradeRow(full, { version: 4, comment: 'Cũ' }), new Set([COMMENT_KEY]));
    expect(row.comment).toBe('Đang gõ');
    expect(row.savedComment).toBe('Cũ');
    expect(row.semester1).toEqual({ average: 6.5, rating: null });
  });
});

describe('a save refused because someone else saved first (409)', () => {
  function conflictOf(cells: GradeConflict['cells'], comment: string | null = null): GradeConflict {
    return {
      studentId: 's1',
      version: 7,
      cells,
      comment,
      updatedAt: '2025-01-10T03:00:00Z',
      updatedByName: 'Thầy Minh',
    };
  }

  it('flags a cell both people changed differently, with both values, for the teacher to decide', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    applyInput(context, row, 'CK', '6');
    const outcome = applyConflict(context, row, conflictOf({ ...full, CK: 10 }), ['CK']);
    expect(outcome.resend).toEqual([]);
    expect(outcome.conflicts).toEqual([
      {
        studentId: 's1',
        fullName: 'Nguyễn Văn An',
        key: 'CK',
        label: 'CK',
        mine: 6,
        theirs: 10,
        byName: 'Thầy Minh',
        at: '2025-01-10T03:00:00Z',
      },
    ]);
    expect(row.conflicts).toEqual({ CK: true });
    expect(row.values['CK']).toBe(6);
    expect(row.version).toBe(7);
  });

  it('resends a change the other person did not touch, on their version, and takes their other cells', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    applyInput(context, row, 'CK', '6');
    const outcome = applyConflict(context, row, conflictOf({ ...full, TX1: 10 }), ['CK']);
    expect(outcome).toEqual({ conflicts: [], resend: ['CK'] });
    expect(row.values).toMatchObject({ TX1: 10, CK: 6 });
    expect(row.saved['TX1']).toBe(10);
    // (10 + 24 + 14 + 18) / 9 = 66 / 9 = 7,33… → 7,3
    expect(row.result.average).toBe(7.3);
  });

  it('neither flags nor resends a cell the other person set to the same value', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    applyInput(context, row, 'CK', '6');
    expect(applyConflict(context, row, conflictOf({ ...full, CK: 6 }), ['CK'])).toEqual({ conflicts: [], resend: [] });
    expect(row.conflicts).toEqual({});
  });

  it('compares the comment against the saved comment too', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full, { comment: 'A' }));
    applyInput(context, row, COMMENT_KEY, 'B');
    const outcome = applyConflict(context, row, conflictOf(full, 'C'), [COMMENT_KEY]);
    expect(outcome.conflicts.map((c) => [c.key, c.label, c.mine, c.theirs])).toEqual([
      [COMMENT_KEY, COMMENT_KEY, 'B', 'C'],
    ]);
  });

  it('"Dùng giá trị mới" replaces the teacher’s value by theirs and clears the mark', () => {
    const context = contextOf(maths);
    const row = toGridRow(context, gradeRow(full));
    applyInput(context, row, 'CK', '6');
    applyConflict(context, row, conflictOf({ ...full, CK: 10 }), ['CK']);
    takeTheirs(context, row, 'CK');
    expect(row.conflicts).toEqual({});
    expect(row.values['CK']).toBe(10);
    // (32 + 14 + 30) / 9 = 8,44… → 8,4
    expect(row.result.average).toBe(8.4);
  });
});

describe('a block copied from Excel', () => {
  it('splits rows by newline and cells by tab, dropping the trailing newline Excel adds', () => {
    expect(parseClipboardBlock('7,5\t8\r\n6\t9\r\n')).toEqual([
      ['7,5', '8'],
      ['6', '9'],
    ]);
  });

  it('keeps empty cells in place', () => {
    expect(parseClipboardBlock('7\t\t9\n\t5\t')).toEqual([
      ['7', '', '9'],
      ['', '5', ''],
    ]);
  });

  it('unquotes a quoted cell and its doubled quotes', () => {
    expect(parseClipboardBlock('"Rất ""chăm"""\t8')).toEqual([['Rất "chăm"', '8']]);
  });

  it('reads a single value as a one-cell block', () => {
    expect(parseClipboardBlock('8')).toEqual([['8']]);
  });

  it('keeps a quoted cell that holds a line break (a comment typed with Alt+Enter) in one cell', () => {
    expect(parseClipboardBlock('8\t"Chăm\nngoan"\n7\tTốt\n')).toEqual([
      ['8', 'Chăm\nngoan'],
      ['7', 'Tốt'],
    ]);
    expect(parseClipboardBlock('"a\r\nb"\t"c\td"\r\n')).toEqual([['a\nb', 'c\td']]);
  });

  it('keeps a quote that does not enclose a whole cell as text', () => {
    expect(parseClipboardBlock('"8\t9')).toEqual([['"8', '9']]);
    expect(parseClipboardBlock('"7" điểm\t6')).toEqual([['"7" điểm', '6']]);
  });

  it('reads an empty copy as one empty cell, and keeps empty rows inside a block', () => {
    expect(parseClipboardBlock('')).toEqual([['']]);
    expect(parseClipboardBlock('8\n\n9\n')).toEqual([['8'], [''], ['9']]);
  });
});

describe('cell errors', () => {
  it('tells the domain’s error codes from messages the server sent', () => {
    expect(isDomainError('outOfRange')).toBe(true);
    expect(isDomainError('notARating')).toBe(true);
    expect(isDomainError('Điểm phải từ 0 đến 10')).toBe(false);
  });
});
