import { PasteColumn, PastePlan, pasteReport, planPaste } from './grid-paste';
import { gradingVi } from '@emis/web/grading/i18n';
import { parseClipboardBlock } from './sheet-model';

/** The displayed columns of a Toán grade 6 sheet, semester I (see gridColumns). */
const COLUMNS: PasteColumn[] = [
  { key: 'ordinal', label: 'STT', takes: null },
  { key: 'fullName', label: 'Họ và tên', takes: null },
  { key: 'dateOfBirth', label: 'Ngày sinh', takes: null },
  ...['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK'].map((key) => ({ key, label: key, takes: 'grade' as const })),
  { key: 'result', label: 'ĐTBmhk', takes: null },
  { key: 'comment', label: 'Nhận xét', takes: 'comment' },
];

const block = (text: string) => parseClipboardBlock(text);

describe('planning a paste of a block copied from Excel', () => {
  it('fills right and down from the focused score column and says where it went', () => {
    const plan = planPaste(block('7,5\t8\r\n6\t9\r\n'), COLUMNS, { rowIndex: 1, colId: 'TX2' }, 10);
    expect(plan).toEqual({
      writes: [
        { rowIndex: 1, key: 'TX2', raw: '7,5' },
        { rowIndex: 1, key: 'TX3', raw: '8' },
        { rowIndex: 2, key: 'TX2', raw: '6' },
        { rowIndex: 2, key: 'TX3', raw: '9' },
      ],
      columns: ['TX2', 'TX3'],
      rows: [1, 2],
      pastLastColumn: 0,
      pastLastRow: 0,
    });
  });

  it('trims spaces around values', () => {
    const plan = planPaste(block(' 8 \t 7,5'), COLUMNS, { rowIndex: 0, colId: 'TX1' }, 1);
    expect(plan !== 'notEditable' && plan.writes.map((w) => w.raw)).toEqual(['8', '7,5']);
  });

  it('never spills a wide block of scores past CK into the average or the comment: the rest is refused', () => {
    const plan = planPaste(block('7\t8\t9\t10'), COLUMNS, { rowIndex: 0, colId: 'GK' }, 1);
    expect(plan).toMatchObject({
      writes: [
        { key: 'GK', raw: '7' },
        { key: 'CK', raw: '8' },
      ],
      columns: ['GK', 'CK'],
      pastLastColumn: 2,
    });
  });

  it('writes a comment pasted on the comment column, and nothing into the scores', () => {
    const plan = planPaste(block('Chăm chỉ\n"Tiến bộ\nrõ"'), COLUMNS, { rowIndex: 0, colId: 'comment' }, 5);
    expect(plan).toMatchObject({
      writes: [
        { rowIndex: 0, key: 'comment', raw: 'Chăm chỉ' },
        { rowIndex: 1, key: 'comment', raw: 'Tiến bộ\nrõ' },
      ],
      columns: ['Nhận xét', 'Nhận xét'],
      rows: [0, 1],
    });
  });

  it('refuses a paste on the name column rather than shifting a copied row into TX1', () => {
    expect(planPaste(block('Nguyễn An\t8\t7'), COLUMNS, { rowIndex: 0, colId: 'fullName' }, 5)).toBe('notEditable');
    expect(planPaste(block('8'), COLUMNS, { rowIndex: 0, colId: 'result' }, 5)).toBe('notEditable');
    expect(planPaste(block('8'), COLUMNS, { rowIndex: 0, colId: 'hidden' }, 5)).toBe('notEditable');
  });

  it('counts the cells below the last student as refused', () => {
    const plan = planPaste(block('5\t6\n7\t8\n9\t10\n'), COLUMNS, { rowIndex: 1, colId: 'TX1' }, 2);
    expect(plan).toMatchObject({ rows: [1, 1], pastLastRow: 4, pastLastColumn: 0 });
    expect(plan !== 'notEditable' && plan.writes).toHaveLength(2);
  });

  it('reports nothing written when every cell was refused', () => {
    expect(planPaste(block('5\n'), COLUMNS, { rowIndex: 3, colId: 'TX1' }, 3)).toEqual({
      writes: [],
      columns: null,
      rows: null,
      pastLastColumn: 0,
      pastLastRow: 1,
    });
  });
});

describe('the report of a paste', () => {
  /** The Vietnamese texts themselves, with Transloco's {{name}} placeholders filled. */
  const t = (key: string, params: Record<string, unknown> = {}) =>
    (gradingVi.grid as unknown as Record<string, string>)[key].replace(/{{(\w+)}}/g, (_, name: string) =>
      String(params[name]),
    );
  const ordinal = (index: number) => index + 1;

  it('names the columns and the rows (by STT) it wrote', () => {
    const plan = planPaste(block('1\t2\t3\n4\t5\t6'), COLUMNS, { rowIndex: 0, colId: 'TX1' }, 12) as PastePlan;
    expect(pasteReport(plan, 0, t, ordinal)).toBe('Đã dán 6 ô vào TX1–TX3, hàng 1–2.');
  });

  it('says what it refused and why, and how many values were invalid', () => {
    const plan = planPaste(block('7\t8\t9\n11\t6\t5\n1\t2\t3'), COLUMNS, { rowIndex: 1, colId: 'GK' }, 3) as PastePlan;
    expect(pasteReport(plan, 1, t, ordinal)).toBe(
      'Đã dán 4 ô vào GK–CK, hàng 2–3. Từ chối 5 ô (2 ô vượt quá cột cuối cùng cùng loại; 3 ô vượt quá học sinh cuối cùng). 1 ô không hợp lệ (tô đỏ), chưa lưu.',
    );
  });

  it('says so when nothing could be written', () => {
    const plan = planPaste(block('5'), COLUMNS, { rowIndex: 3, colId: 'TX1' }, 3) as PastePlan;
    expect(pasteReport(plan, 0, t, ordinal)).toBe(
      'Không dán được ô nào. Từ chối 1 ô (1 ô vượt quá học sinh cuối cùng).',
    );
  });
});
