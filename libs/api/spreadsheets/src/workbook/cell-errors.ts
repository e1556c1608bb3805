import type { ImportCellError } from '@emis/contracts';

/** An error found in one cell, with the worksheet column number the error workbook needs to mark it. */
export interface LocatedError extends ImportCellError {
  col: number;
}

export function columnLetter(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Collects the per-cell errors of an import. Columns are named by the layout key; the uploaded sheet decides
 * where each column actually sits (a user may reorder them).
 */
export class CellErrors {
  private readonly errors: LocatedError[] = [];
  private readonly rows = new Set<number>();
  /** What the import changed in a cell without refusing it (an id whose leading zero Excel dropped). */
  private readonly notes: LocatedError[] = [];

  constructor(private readonly columns: ReadonlyMap<string, { col: number; header: string }>) {}

  /** The columns errors are located by (a new collector for the same sheet starts from them). */
  columnMap(): ReadonlyMap<string, { col: number; header: string }> {
    return this.columns;
  }

  at(row: number, key: string, message: string): void {
    const column = this.columns.get(key);
    if (!column) throw new Error(`no column ${key} in this sheet`);
    this.atColumn(row, column.col, column.header, message);
  }

  atColumn(row: number, col: number, header: string, message: string): void {
    this.errors.push({ row, col, column: columnLetter(col), header, message });
    this.rows.add(row);
  }

  /** A notice on a cell: the value was read after a correction the clerk should see; the row is not refused. */
  noticeAt(row: number, key: string, message: string): void {
    const column = this.columns.get(key);
    if (!column) throw new Error(`no column ${key} in this sheet`);
    this.notes.push({ row, col: column.col, column: columnLetter(column.col), header: column.header, message });
  }

  notices(): LocatedError[] {
    return [...this.notes].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  get count(): number {
    return this.errors.length;
  }

  /** In sheet order: by row, then by column. */
  all(): LocatedError[] {
    return [...this.errors].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}
