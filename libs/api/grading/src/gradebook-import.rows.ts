import { ruleMessage } from '@emis/api/platform';
import { CellErrors, SheetRow } from '@emis/api/spreadsheets';
import { CellValue, GradeColumn, maskPersonalId } from '@emis/domain';
import { parseRowCells } from './grade-writer';
import { RosterStudent } from './gradebook.repository';

/** A pupil of the class as the import knows them: the roster line and the personal ID. */
export interface ImportPupil extends RosterStudent {
  personalId: string;
}

/** What the import must not change: the sheet's locked assessment columns and the values stored in them. */
export interface ImportLocks {
  columns: { key: string; reason: string | null }[];
  /** The stored cells, by the record's id. */
  stored: ReadonlyMap<string, Record<string, CellValue>>;
}

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
 * Reads the data rows of a sổ điểm, recording a Vietnamese message on each bad cell: the pupil is found by the
 * visible code (the personal ID, in full or masked as it was exported) among the class, the hidden internal id —
 * when the row still carries it — must be that same pupil, and the row's name must be theirs (which catches a sheet
 * sorted by one column only); each score or rating is parsed by the domain's parseCell exactly as the grid parses
 * what a teacher types; a value that differs from the stored one in a column the principal locked is refused (the
 * grade save refuses it with 423); a pupil appears once.
 */
export class GradebookRowReader {
  private readonly byId: Map<string, ImportPupil>;
  private readonly byCode = new Map<string, ImportPupil[]>();
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    roster: ImportPupil[],
    private readonly columns: GradeColumn[],
    private readonly className: string,
    private readonly locks: ImportLocks = { columns: [], stored: new Map() },
  ) {
    this.byId = new Map(roster.map((s) => [s.studentId.toLowerCase(), s]));
    for (const pupil of roster) {
      for (const code of new Set([pupil.personalId, maskPersonalId(pupil.personalId)])) {
        this.byCode.set(code, [...(this.byCode.get(code) ?? []), pupil]);
      }
    }
  }

  /** The row, or null when a cell is wrong (each wrong cell is recorded in `errors`). */
  read(source: SheetRow, errors: CellErrors): ImportedRow | null {
    const student = this.student(source, errors);
    const cells = this.cells(source, student?.studentId ?? '', errors);
    if (student && cells) this.checkLocked(source, student.studentId, cells, errors);
    const comment = source.values.get('comment');
    if (!student || !cells || errors.hasRow(source.row)) return null;
    return {
      row: source.row,
      studentId: student.studentId,
      cells,
      comment: comment === undefined ? undefined : String(comment),
    };
  }

  private student(source: SheetRow, errors: CellErrors): ImportPupil | null {
    if (source.flagged.has('studentCode') || source.flagged.has('studentId')) return null;
    const raw = source.values.get('studentCode');
    if (raw === undefined)
      return fail(
        errors,
        source.row,
        'studentCode',
        'Thiếu mã định danh; hãy giữ nguyên cột "Mã định danh" của tệp đã xuất',
      );
    const code = codeKey(raw);
    const name = source.values.get('fullName');
    let candidates = this.byCode.get(code) ?? [];
    if (!candidates.length)
      return fail(
        errors,
        source.row,
        'studentCode',
        `Không có học sinh nào có mã định danh ${code} trong lớp ${this.className} (đã chuyển lớp, chuyển trường, là học sinh lớp khác hoặc mã bị sửa)`,
      );
    const hidden = source.values.get('studentId');
    if (hidden !== undefined) {
      const exported =
        typeof hidden === 'string' && UUID.test(hidden) ? this.byId.get(hidden.toLowerCase()) : undefined;
      if (!exported || !candidates.includes(exported))
        return fail(
          errors,
          source.row,
          'studentCode',
          'Mã định danh không khớp với học sinh của dòng này trong tệp đã xuất; hãy giữ nguyên mã và thứ tự các dòng',
        );
      candidates = [exported];
    } else if (candidates.length > 1 && name !== undefined) {
      // Two pupils of a class may share a masked code: their names tell them apart.
      candidates = candidates.filter((c) => nameKey(String(name)) === nameKey(c.fullName));
    }
    const [student] = candidates;
    if (candidates.length !== 1)
      return fail(
        errors,
        source.row,
        'studentCode',
        `Mã định danh ${code} trùng với nhiều học sinh của lớp ${this.className}; hãy xuất lại sổ điểm và giữ nguyên cột "Mã hệ thống"`,
      );
    if (name !== undefined && nameKey(String(name)) !== nameKey(student.fullName)) {
      return fail(
        errors,
        source.row,
        'fullName',
        `Họ tên không khớp với học sinh có mã này (${student.fullName}); có thể các dòng đã bị xếp lệch`,
      );
    }
    const first = this.firstRowOf.get(student.studentId);
    if (first !== undefined) return fail(errors, source.row, 'studentCode', `Trùng học sinh với dòng ${first}`);
    this.firstRowOf.set(student.studentId, source.row);
    return student;
  }

  /**
   * A value in a locked column is refused when it differs from the stored one (an unchanged value, as an exported
   * sheet carries it, is no change): the error names the column and the principal's reason.
   */
  private checkLocked(source: SheetRow, studentId: string, cells: Record<string, CellValue>, errors: CellErrors): void {
    const stored = this.locks.stored.get(studentId) ?? {};
    for (const lock of this.locks.columns) {
      if (!(lock.key in cells) || cells[lock.key] === (stored[lock.key] ?? null)) continue;
      const label = this.columns.find((c) => c.key === lock.key)?.label ?? lock.key;
      errors.at(
        source.row,
        `cell.${lock.key}`,
        `Cột ${label} đã khoá${lock.reason ? ` (${lock.reason})` : ''}: không sửa được điểm trong cột này; cần gửi yêu cầu sửa điểm`,
      );
    }
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

/**
 * The code as exported: a 12-digit ID that Excel turned into a number (dropping its leading zero) or that was typed
 * with spaces reads as the 12 digits again; a masked code stays as it is.
 */
function codeKey(raw: unknown): string {
  const text = String(raw).normalize('NFC').replace(/^'/, '').replace(/\s+/g, '');
  return /^\d{1,12}$/.test(text) ? text.padStart(12, '0') : text;
}

function nameKey(name: string): string {
  return name.normalize('NFC').replace(/^'/, '').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** A comment as compared for "unchanged": the sheet reader folds runs of spaces and line breaks into one space. */
export function commentKey(comment: string | null | undefined): string {
  return (comment ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
