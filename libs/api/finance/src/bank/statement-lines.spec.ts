import { csvCells, parseCsv } from './statement-file';
import { findStatementLayout } from './statement-layout';
import { parseDong, readStatementLines } from './statement-lines';

const TODAY = '2025-12-05';

describe('a bank statement read line by line', () => {
  it('reads amounts in whole đồng the way banks print them, and refuses fractions of a đồng', () => {
    expect(parseDong(1_500_000)).toBe(1_500_000);
    expect(parseDong('1.500.000')).toBe(1_500_000);
    expect(parseDong('1,500,000')).toBe(1_500_000);
    expect(parseDong('1,500,000.00')).toBe(1_500_000);
    expect(parseDong('1 500 000 VND')).toBe(1_500_000);
    expect(parseDong('-250.000')).toBe(-250_000);
    expect(parseDong('(250,000)')).toBe(-250_000);
    expect(parseDong('+700000')).toBe(700_000);
    expect(parseDong(null)).toBe(0);
    expect(parseDong('1500000.5')).toBe('Số tiền phải là số đồng nguyên');
    expect(parseDong(1500.5)).toBe('Số tiền phải là số đồng nguyên');
    expect(parseDong('1.50.000')).toBe('Số tiền phải là số đồng nguyên');
    expect(parseDong('một triệu')).toBe('Số tiền phải là số');
  });

  it('finds the headings under a bank title block, in any order and with credit and debit columns', () => {
    const rows = [
      ['SAO KÊ TÀI KHOẢN', null],
      ['Số tài khoản: 0123456789', null],
      [],
      ['STT', 'Ngày giao dịch', 'Mã giao dịch', 'Ghi nợ', 'Ghi có (VND)', 'Nội dung giao dịch', 'Tên người chuyển'],
      [1, '03/10/2025 08:15:00', 'FT2527612345', null, '1.500.000', 'HP HS0001 nop hoc phi', 'LE THI HOA'],
      [2, '04/10/2025', 'FT2527700001', '22.000', null, 'Phi quan ly tai khoan', null],
      [null, null, null, '22.000', '1.500.000', null, null],
      ['Tổng cộng', null, null, '22.000', '1.500.000', null, null],
    ];
    const layout = findStatementLayout(rows);
    expect(layout.headerRow).toBe(4);
    const { lines, errors } = readStatementLines(rows, layout, TODAY);
    expect(errors).toEqual([
      { row: 7, column: 'Ngày giao dịch', message: 'Bắt buộc nhập' },
      { row: 7, column: 'Ghi có (VND)', message: 'Mỗi dòng ghi một trong hai cột Ghi có hoặc Ghi nợ, khác 0' },
      { row: 7, column: 'Mã giao dịch', message: 'Bắt buộc nhập' },
    ]);
    expect(lines).toEqual([
      {
        row: 5,
        bookedOn: '2025-10-03',
        amount: 1_500_000,
        reference: 'FT2527612345',
        description: 'HP HS0001 nop hoc phi',
        counterparty: 'LE THI HOA',
      },
      {
        row: 6,
        bookedOn: '2025-10-04',
        amount: -22_000,
        reference: 'FT2527700001',
        description: 'Phi quan ly tai khoan',
        counterparty: null,
      },
    ]);
  });

  it('skips the balance and total rows a bank adds, and names every bad cell by row and column', () => {
    const rows = csvCells(
      [
        'Date;Amount;Reference;Description',
        'Số dư đầu kỳ;;;',
        '31/02/2025;100000;R1;a',
        '01/10/2025;0;R2;b',
        '02/10/2025;50000;R1;c',
        '01/01/2030;50000;R3;d',
        '05/10/2025;1.234,5;R4;e',
        'Tổng cộng;150000;;',
      ].join('\r\n'),
    );
    const { lines, errors } = readStatementLines(rows, findStatementLayout(rows), TODAY);
    expect(lines).toEqual([]);
    expect(errors).toEqual([
      { row: 3, column: 'Date', message: 'Ngày không tồn tại' },
      { row: 4, column: 'Amount', message: 'Số tiền phải khác 0' },
      { row: 5, column: 'Reference', message: 'Số tham chiếu trùng với dòng 3' },
      { row: 6, column: 'Date', message: 'Ngày nằm ngoài khoảng cho phép (từ năm 2000 đến hôm nay)' },
      { row: 7, column: 'Amount', message: 'Số tiền phải là số đồng nguyên' },
    ]);
  });

  it('fails a file without the columns it needs, naming them', () => {
    expect(() => findStatementLayout([['Ngày', 'Số tiền', 'Ghi chú']])).toThrow(
      /thiếu cột "Số tham chiếu", "Nội dung"/,
    );
  });
});

describe('CSV as banks and Excel write it', () => {
  it('keeps separators, line breaks and doubled quotes inside quoted fields, with CRLF or LF lines', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['1', '2', '3'],
    ]);
  });

  it('takes the separator used most in the first lines, not the first comma of a title', () => {
    expect(parseCsv('Sao kê, tháng 10\nNgày;Số tiền;Nội dung\n01/10/2025;1,5;x')).toEqual([
      ['Sao kê, tháng 10'],
      ['Ngày', 'Số tiền', 'Nội dung'],
      ['01/10/2025', '1,5', 'x'],
    ]);
  });
});
