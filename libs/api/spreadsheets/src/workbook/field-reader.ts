import { isDate } from 'node:util/types';
import {
  ethnicityByName,
  Gender,
  isValidFullName,
  isVietnamesePhone,
  normalizePhone,
  parsePersonalId,
  personalIdMatches,
  capitaliseVietnameseName,
} from '@emis/domain';
import { codeOfLabel, GENDER_LABELS } from '../vocabulary';
import { CellErrors } from './cell-errors';
import { CellValue, SheetRow } from './sheet-reader';

const REQUIRED = 'Bắt buộc nhập';
const NOT_TEXT = 'Phải là văn bản, không phải số hay ngày';

/**
 * Reads the typed fields of one data row, recording a Vietnamese message on the cell for each problem and
 * answering null for a missing or bad value (the row is then not written: any error stops the whole import).
 */
export class FieldReader {
  constructor(
    private readonly source: SheetRow,
    private readonly errors: CellErrors,
  ) {}

  get row(): number {
    return this.source.row;
  }

  /** The cell holds something (possibly a value already reported as bad). */
  has(key: string): boolean {
    return this.source.values.has(key) || this.source.flagged.has(key);
  }

  fail(key: string, message: string): null {
    this.errors.at(this.source.row, key, message);
    return null;
  }

  text(key: string, required = false): string | null {
    const value = this.value(key, required);
    if (value === null) return null;
    if (typeof value !== 'string') return this.fail(key, NOT_TEXT);
    return value;
  }

  /**
   * A code of digits and letters (a school's code): text, or a whole number as a clerk's spreadsheet often stores a
   * code of digits; answered trimmed, upper case.
   */
  code(key: string, required = false): string | null {
    const value = this.value(key, required);
    if (value === null) return null;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    if (typeof value !== 'string') return this.fail(key, NOT_TEXT);
    return value.trim().toUpperCase();
  }

  /** dd/mm/yyyy as text or a real Excel date; answers yyyy-MM-dd. */
  date(key: string, required = false): string | null {
    const value = this.value(key, required);
    if (value === null) return null;
    // isDate, not instanceof: the cells come from the parsing worker thread, whose Date is another realm's.
    if (isDate(value)) {
      // exceljs reads an Excel date serial as midnight UTC of that calendar day.
      return this.dateIn(key, value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    }
    const m = typeof value === 'string' ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value) : null;
    if (!m) return this.fail(key, 'Ngày không đúng dạng dd/mm/yyyy');
    return this.dateIn(key, Number(m[3]), Number(m[2]), Number(m[1]));
  }

  number(key: string, range: { min: number; max: number; decimals: number }): number | null {
    const value = this.value(key, false);
    if (value === null) return null;
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d+([.,]\d+)?$/.test(value)
          ? Number(value.replace(',', '.'))
          : NaN;
    if (!Number.isFinite(n)) return this.fail(key, 'Phải là số');
    const scaled = n * 10 ** range.decimals;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      return this.fail(key, range.decimals === 0 ? 'Phải là số nguyên' : `Tối đa ${range.decimals} chữ số thập phân`);
    }
    if (n < range.min || n > range.max) return this.fail(key, `Phải từ ${range.min} đến ${range.max}`);
    return n;
  }

  /** A value from a fixed word list (the template's dropdown). */
  choice<C extends string>(key: string, labels: Record<C, string>, required = false): C | null {
    const text = this.text(key, required);
    if (text === null) return null;
    return (
      codeOfLabel(labels, text) ??
      this.fail(key, `Giá trị không hợp lệ; chọn một trong: ${Object.values<string>(labels).join(', ')}`)
    );
  }

  gender(key: string): Gender | null {
    return this.choice(key, GENDER_LABELS, true);
  }

  /** The ethnic group's code; an empty cell is Kinh ('01'), the group of most pupils. */
  ethnicity(key: string): string | null {
    const text = this.text(key);
    if (text === null) return this.has(key) ? null : '01';
    return ethnicityByName(text)?.code ?? this.fail(key, 'Không có trong danh mục 54 dân tộc');
  }

  /**
   * The 12-digit personal id (Circular 59/2021/TT-BCA Art. 7). Every id starts with a zero (province codes 001–096),
   * which Excel drops when the id is typed as a number: a whole number of 10 or 11 digits whose zeros put back give
   * a valid id is read as that id, and a notice on the cell tells the clerk (docs/domain/records.md, "Importing a
   * list"). Any other number is refused.
   */
  personalId(key: string, birthDate: string | null, gender: Gender | null): string | null {
    const value = this.value(key, true);
    if (value === null) return null;
    const restored = typeof value === 'number' ? restoredId(value) : null;
    const id = restored ?? String(value);
    const parsed = parsePersonalId(id);
    if (!parsed.ok) {
      return this.fail(
        key,
        parsed.error === 'format'
          ? 'Mã định danh phải gồm đúng 12 chữ số'
          : 'Mã định danh không hợp lệ (mã tỉnh hoặc chữ số thế kỷ sai)',
      );
    }
    if (birthDate && gender && !personalIdMatches(id, Number(birthDate.slice(0, 4)), gender)) {
      return this.fail(key, 'Mã định danh không khớp với giới tính và năm sinh (chữ số thứ 4–6)');
    }
    if (restored) {
      this.errors.noticeAt(
        this.source.row,
        key,
        `Mã định danh được nhập dạng số nên Excel bỏ mất số 0 ở đầu; đã đọc là ${restored}. Hãy kiểm tra lại`,
      );
    }
    return id;
  }

  /** A Vietnamese phone number, normalised; a number cell lost its leading zero in Excel. */
  phone(key: string): string | null {
    const value = this.value(key, false);
    if (value === null) return null;
    const text = typeof value === 'number' && Number.isInteger(value) ? `0${value}` : String(value);
    const phone = normalizePhone(text);
    return isVietnamesePhone(phone)
      ? phone
      : this.fail(key, 'Số điện thoại không hợp lệ (di động 10 số, cố định 11 số bắt đầu bằng 02)');
  }

  /** A list of words separated by ; or , each looked up by `lookup`; unknown words are named in the error. */
  list<C>(key: string, lookup: (word: string) => C | undefined, what: string): C[] | null {
    const text = this.text(key);
    if (text === null) return this.has(key) ? null : [];
    const words = text
      .split(/[;,]/)
      .map((w) => w.trim())
      .filter(Boolean);
    const unknown = words.filter((w) => lookup(w) === undefined);
    if (unknown.length) return this.fail(key, `Không có trong danh mục ${what}: ${unknown.join(', ')}`);
    return [...new Set(words.map((w) => lookup(w)!))];
  }

  /** A full name as the student and staff forms accept it (the shared rule of @emis/domain). */
  fullName(key: string): string | null {
    const text = this.text(key, true);
    if (text === null) return null;
    return isValidFullName(text)
      ? capitaliseVietnameseName(text)
      : this.fail(key, 'Họ và tên phải gồm 2–7 từ, chỉ có chữ cái (có thể nối bằng dấu nháy hoặc gạch nối)');
  }

  /** The cell's value; null when empty (reported if required) or already reported as bad. */
  private value(key: string, required: boolean): CellValue | null {
    if (this.source.flagged.has(key)) return null;
    const value = this.source.values.get(key);
    if (value === undefined) return required ? this.fail(key, REQUIRED) : null;
    return value;
  }

  private dateIn(key: string, year: number, month: number, day: number): string | null {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
      return this.fail(key, 'Ngày không tồn tại');
    if (year < 1900 || d.getTime() > Date.now())
      return this.fail(key, 'Ngày nằm ngoài khoảng cho phép (từ 1900 đến hôm nay)');
    return d.toISOString().slice(0, 10);
  }
}

/** The id a number cell stood for: 10 or 11 digits, zeros put back in front to 12; null for any other number. */
export function restoredId(value: number): string | null {
  if (!Number.isInteger(value) || value < 1e9 || value >= 1e11) return null;
  const id = String(value).padStart(12, '0');
  return parsePersonalId(id).ok ? id : null;
}
