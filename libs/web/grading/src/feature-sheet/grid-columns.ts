import {
  ColDef,
  ColGroupDef,
  EditableCallbackParams,
  SuppressKeyboardEventParams,
  ValueGetterParams,
  ValueSetterParams,
} from 'ag-grid-community';
import { formatEmisDate } from '@emis/web/core';
import { COMMENT_KEY, GridRow, resultText, semester1Text, SheetContext, cellText } from './sheet-model';

export interface GridColumnCallbacks {
  editable(): boolean;
  edit(params: ValueSetterParams<GridRow>, key: string): boolean;
  errorText(row: GridRow, key: string): string | undefined;
  pending(row: GridRow, key: string): boolean;
  label(key: string): string;
  /** Issue 16: the principal's lock of an assessment column, with its reason; such a column is read-only. */
  lockedColumn?(key: string): { reason: string | null } | undefined;
  /** Whether the cell lies in the selected block (Shift+arrows, Shift+click). */
  selected?(rowIndex: number | null, key: string): boolean;
}

/** Delete and Backspace clear the focused cell (handled by the page); AG Grid would open the editor instead. */
function suppressClearKeys(params: SuppressKeyboardEventParams<GridRow>): boolean {
  return !params.editing && (params.event.key === 'Delete' || params.event.key === 'Backspace');
}

/**
 * The grid's columns: the student pinned left (STT, name, date of birth), one column per server-given GradeColumn
 * (its label as header), the computed result, semester I and the year in semester II, then the comment.
 */
export function gridColumns(
  context: SheetContext,
  callbacks: GridColumnCallbacks,
): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const editable = (_: EditableCallbackParams<GridRow>) => callbacks.editable();
  const student: ColDef<GridRow>[] = [
    {
      colId: 'ordinal',
      headerName: callbacks.label('stt'),
      field: 'ordinal',
      pinned: 'left',
      width: 58,
      cellClass: 'grade-cell-number',
    },
    { colId: 'fullName', headerName: callbacks.label('fullName'), field: 'fullName', pinned: 'left', width: 200 },
    {
      colId: 'dateOfBirth',
      headerName: callbacks.label('dateOfBirth'),
      pinned: 'left',
      width: 104,
      valueGetter: (p: ValueGetterParams<GridRow>) => formatEmisDate(p.data?.dateOfBirth ?? null),
    },
  ];
  const grades: ColDef<GridRow>[] = context.columns.map((column) => {
    const lock = callbacks.lockedColumn?.(column.key);
    const tooltip = column.required ? column.label : `${column.label} (${callbacks.label('optional')})`;
    return {
      colId: column.key,
      headerName: lock ? `🔒 ${column.label}` : column.label,
      headerTooltip: lock
        ? `${tooltip} — ${callbacks.label('columnLocked')}${lock.reason ? `: ${lock.reason}` : ''}`
        : tooltip,
      headerClass: lock ? 'grade-header-locked' : undefined,
      width: column.kind === 'RATING' ? 66 : lock ? 72 : 60,
      editable: lock ? false : editable,
      suppressKeyboardEvent: suppressClearKeys,
      valueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? cellText(p.data, column.key) : ''),
      valueSetter: (p: ValueSetterParams<GridRow>) => callbacks.edit(p, column.key),
      tooltipValueGetter: (p) => (p.data ? callbacks.errorText(p.data, column.key) : undefined),
      cellEditorParams: { maxLength: 8 },
      cellClass: 'grade-cell-number',
      cellClassRules: {
        'grade-cell-invalid': (p) => !!p.data && column.key in p.data.errors,
        'grade-cell-conflict': (p) => !!p.data && column.key in p.data.conflicts,
        'grade-cell-pending': (p) => !!p.data && callbacks.pending(p.data, column.key),
        'grade-cell-locked': () => !!lock,
      },
    };
  });
  const results: ColDef<GridRow>[] = [
    {
      colId: 'result',
      headerName: callbacks.label(
        context.subject.assessment === 'SCORE' && context.scheme !== 'C27' ? 'average' : 'rating',
      ),
      width: 86,
      cellClass: 'grade-cell-number grade-cell-computed',
      valueGetter: (p: ValueGetterParams<GridRow>) => resultText(p.data?.result ?? null),
    },
  ];
  if (context.semester === 2) {
    results.push(
      {
        colId: 'semester1',
        headerName: callbacks.label('semester1'),
        width: 72,
        cellClass: 'grade-cell-number grade-cell-computed',
        valueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? semester1Text(p.data) : ''),
      },
      {
        colId: 'year',
        headerName: callbacks.label('year'),
        width: 80,
        cellClass: 'grade-cell-number grade-cell-computed',
        valueGetter: (p: ValueGetterParams<GridRow>) => resultText(p.data?.year ?? null),
      },
    );
  }
  const comment: ColDef<GridRow> = {
    colId: COMMENT_KEY,
    headerName: callbacks.label('comment'),
    minWidth: 120,
    flex: 1,
    editable,
    suppressKeyboardEvent: suppressClearKeys,
    valueGetter: (p: ValueGetterParams<GridRow>) => p.data?.comment ?? '',
    valueSetter: (p: ValueSetterParams<GridRow>) => callbacks.edit(p, COMMENT_KEY),
    cellEditorParams: { maxLength: 500 },
    cellClassRules: {
      'grade-cell-conflict': (p) => !!p.data && COMMENT_KEY in p.data.conflicts,
      'grade-cell-pending': (p) => !!p.data && callbacks.pending(p.data, COMMENT_KEY),
    },
  };
  return [...student, ...grades, ...results, comment].map((column) => withSelection(column, callbacks));
}

/** Every column shows the selected block the same way (AG Grid Community has no range selection to do it). */
function withSelection(column: ColDef<GridRow>, callbacks: GridColumnCallbacks): ColDef<GridRow> {
  const selected = callbacks.selected;
  if (!selected) return column;
  const key = column.colId ?? '';
  return {
    ...column,
    cellClassRules: {
      ...column.cellClassRules,
      'grade-cell-selected': (p) => selected(p.node?.rowIndex ?? null, key),
    },
  };
}
