import { ruleMessage } from '@emis/api/platform';
import { CellErrors, SheetRow } from '@emis/api/spreadsheets';
import { CellValue, GradeColumn } from '@emis/domain';
import { parseRowCells } from './grade-writer';
import { RosterStudent } from './gradebook.repository';

/** One pupil's row of the uploaded sheet, checked: the cells present in the file (an empty cell is left as it is). */
export interface ImportedRow {
  row: number;
  studentId: string;
  cells: Record<string, CellValue>;
  /** undefined: the cell was empty (left unchanged). */
  comment: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the data rows of a sổ điểm, recording a Vietnamese message on each bad cell: the pupil must be one of the
 * class (the row's name must be theirs, which catches a sheet sorted by one column only), each score or rating is
 * parsed by the domain's parseCell exactly as the grid parses what a teacher types, and a pupil appears once.
 */
export class GradebookRowReader {
  private readonly roster: Map<string, RosterStudent>;
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    roster: RosterStudent[],
    private readonly columns: GradeColumn[],
    private readonly className: string,
  ) {
    this.roster = new Map(roster.map((s) => [s.studentId.toLowerCase(), s]));
  }

  /** The row, or null when a cell is wrong (each wrong cell is recorded in `errors`). */
  read(source: SheetRow, errors: CellErrors): ImportedRow | null {
    const student = this.student(source, errors);
    const cells = this.cells(source, student?.studentId ?? '', errors);
    const comment = source.values.get('comment');
    if (!student || !cells || errors.hasRow(source.row)) return null;
    return {
      row: source.row,
      studentId: student.studentId,
      cells,
      comment: comment === undefined ? undefined : String(comment),
    };
  }

  private student(source: SheetRow, errors: CellErrors): RosterStudent | null {
    if (source.flagged.has('studentId')) return null;
    const id = source.values.get('studentId');
    if (id === undefined)
      return fail(
        errors,
        source.row,
        'studentId',
        'Thiếu mã học sinh; hãy giữ nguyên cột "Mã học sinh" của tệp đã xuất',
      );
    if (typeof id !== 'string' || !UUID.test(id))
      return fail(errors, source.row, 'studentId', 'Mã học sinh không đúng; hãy giữ nguyên mã trong tệp đã xuất');
    const student = this.roster.get(id.toLowerCase());
    if (!student)
      return fail(
        errors,
        source.row,
        'studentId',
        `Học sinh không thuộc lớp ${this.className} (đã chuyển lớp, chuyển trường hoặc là học sinh lớp khác)`,
      );
    const name = source.values.get('fullName');
    if (name !== undefined && nameKey(String(name)) !== nameKey(student.fullName)) {
      return fail(
        errors,
        source.row,
        'fullName',
        `Họ tên không khớp với học sinh có mã này (${student.fullName}); có thể các dòng đã bị xếp lệch`,
      );
    }
    const first = this.firstRowOf.get(student.studentId);
    if (first !== undefined) return fail(errors, source.row, 'studentId', `Trùng học sinh với dòng ${first}`);
    this.firstRowOf.set(student.studentId, source.row);
    return student;
  }

  /** The parsed cells, or null when one is wrong (each wrong cell is reported). */
  private cells(source: SheetRow, studentId: string, errors: CellErrors): Record<string, CellValue> | null {
    const raw: Record<string, unknown> = {};
    for (const column of this.columns) {
      const value = source.values.get(`cell.${column.key}`);
      // A date or TRUE typed into a score cell reaches parseCell as such, and is refused like any non-number.
      if (value !== undefined) raw[column.key] = value;
    }
    const { parsed, errors: problems } = parseRowCells(this.columns, [{ studentId, cells: raw }], 'rows');
    for (const e of problems) {
      const key = e.field.split('.').pop()!;
      errors.at(source.row, `cell.${key}`, cellMessage(e.rule, e.args));
    }
    if (problems.length || source.flagged.size) return null;
    const cells: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(parsed.get(studentId) ?? {})) if (value !== null) cells[key] = value;
    return cells;
  }
}

function fail(errors: CellErrors, row: number, key: string, message: string): null {
  errors.at(row, key, message);
  return null;
}

/** The API's own message for a cell rule (messages.ts), without the field name: the error names the column. */
function cellMessage(rule: string, args: readonly unknown[]): string {
  const text = ruleMessage(rule, '', args, 'vi').replace(/^:\s*/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nameKey(name: string): string {
  return name.normalize('NFC').replace(/^'/, '').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** A comment as compared for "unchanged": the sheet reader folds runs of spaces and line breaks into one space. */
export function commentKey(comment: string | null | undefined): string {
  return (comment ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
