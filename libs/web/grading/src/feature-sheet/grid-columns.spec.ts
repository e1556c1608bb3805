// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { GradeRow } from '@emis/contracts';
import { gradebookColumns, GradingSubject, Scheme } from '@emis/domain';
import { CellClassParams, ColDef, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { GridColumnCallbacks, gridColumns } from './grid-columns';
import { applyInput, COMMENT_KEY, GridRow, SheetContext, toGridRow } from './sheet-model';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const music: GradingSubject = { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 };

function contextOf(
  scheme: Scheme,
  subject: GradingSubject,
  semester: 1 | 2,
  grade: SheetContext['grade'] = '6',
  yearCode = '2024-2025',
): SheetContext {
  return {
    scheme,
    subject,
    grade,
    semester,
    yearCode,
    columns: gradebookColumns(scheme, subject, grade, semester, yearCode),
  };
}

function callbacks(overrides: Partial<GridColumnCallbacks> = {}): GridColumnCallbacks & { edits: [string, unknown][] } {
  const edits: [string, unknown][] = [];
  return {
    edits,
    editable: () => true,
    edit: (params, key) => {
      edits.push([key, params.newValue]);
      return true;
    },
    errorText: (row, key) => row.errors[key],
    pending: (_row, key) => key === 'TX2',
    label: (key) => `«${key}»`,
    ...overrides,
  };
}

function rowOf(context: SheetContext, cells: GradeRow['cells'], extra: Partial<GradeRow> = {}): GridRow {
  return toGridRow(context, {
    studentId: 's1',
    ordinal: 4,
    fullName: 'Trần Thị Bình',
    dateOfBirth: '2013-09-05',
    cells,
    comment: 'Tốt',
    average: null,
    rating: null,
    version: 1,
    updatedAt: null,
    updatedByName: null,
    ...extra,
  });
}

function byId(defs: ColDef<GridRow>[], id: string): ColDef<GridRow> {
  const def = defs.find((d) => d.colId === id);
  if (!def) throw new Error(`no column ${id}`);
  return def;
}

const value = (def: ColDef<GridRow>, data: GridRow | undefined) =>
  (def.valueGetter as (p: ValueGetterParams<GridRow>) => unknown)({ data } as ValueGetterParams<GridRow>);

describe('the grade grid’s columns', () => {
  it('lays out the student pinned left, one column per assessment, the result and the comment (semester I)', () => {
    const defs = gridColumns(contextOf('C22', maths, 1), callbacks()) as ColDef<GridRow>[];
    expect(defs.map((d) => d.colId)).toEqual([
      'ordinal',
      'fullName',
      'dateOfBirth',
      'TX1',
      'TX2',
      'TX3',
      'TX4',
      'GK',
      'CK',
      'result',
      COMMENT_KEY,
    ]);
    expect(defs.filter((d) => d.pinned === 'left').map((d) => d.colId)).toEqual(['ordinal', 'fullName', 'dateOfBirth']);
    expect(defs.map((d) => d.headerName)).toEqual([
      '«stt»',
      '«fullName»',
      '«dateOfBirth»',
      'TX1',
      'TX2',
      'TX3',
      'TX4',
      'GK',
      'CK',
      '«average»',
      '«comment»',
    ]);
  });

  it('adds semester I and the year after the result in semester II', () => {
    const defs = gridColumns(contextOf('C22', maths, 2), callbacks()) as ColDef<GridRow>[];
    expect(defs.map((d) => d.colId).slice(-4)).toEqual(['result', 'semester1', 'year', COMMENT_KEY]);
  });

  it('heads the result "rating" for a comment subject and for Circular 27, "average" for a scored subject', () => {
    const header = (context: SheetContext) =>
      byId(gridColumns(context, callbacks()) as ColDef<GridRow>[], 'result').headerName;
    expect(header(contextOf('C22', maths, 1))).toBe('«average»');
    expect(header(contextOf('C22', music, 1))).toBe('«rating»');
    expect(header(contextOf('C27', maths, 1, '4'))).toBe('«rating»');
  });

  it('marks an optional assessment in its tooltip (the pre-2020 Circular 58 sheet)', () => {
    const context = contextOf('C58', maths, 1, '10', '2019-2020');
    const defs = gridColumns(context, callbacks()) as ColDef<GridRow>[];
    const optional = context.columns.find((c) => !c.required)!;
    const required = context.columns.find((c) => c.required)!;
    expect(byId(defs, optional.key).headerTooltip).toBe(`${optional.label} («optional»)`);
    expect(byId(defs, required.key).headerTooltip).toBe(required.label);
  });

  it('shows each cell as the teacher typed it, the date of birth as dd/MM/yyyy and the computed texts', () => {
    const context = contextOf('C22', maths, 2);
    const defs = gridColumns(context, callbacks()) as ColDef<GridRow>[];
    const row = rowOf(
      context,
      { TX1: 8, TX2: 8, TX3: 8, TX4: 8, GK: 7, CK: 9 },
      { semester1: { average: 6.5, rating: null } },
    );
    applyInput(context, row, 'TX1', '7,5');
    applyInput(context, row, 'TX2', 'abc');
    expect(value(byId(defs, 'dateOfBirth'), row)).toBe('05/09/2013');
    expect(value(byId(defs, 'TX1'), row)).toBe('7,5');
    expect(value(byId(defs, 'TX2'), row)).toBe('abc');
    // (7,5 + 8·3 + 14 + 27) / 9 = 72,5 / 9 = 8,05… → 8,1; year (6,5 + 16,2) / 3 = 7,56… → 7,6
    expect(value(byId(defs, 'result'), row)).toBe('8,1');
    expect(value(byId(defs, 'semester1'), row)).toBe('6,5');
    expect(value(byId(defs, 'year'), row)).toBe('7,6');
    expect(value(byId(defs, COMMENT_KEY), row)).toBe('Tốt');
    expect(value(byId(defs, 'TX1'), undefined)).toBe('');
  });

  it('routes edits of an assessment and of the comment to the page with their key', () => {
    const cb = callbacks();
    const defs = gridColumns(contextOf('C22', maths, 1), cb) as ColDef<GridRow>[];
    const set = (def: ColDef<GridRow>, newValue: string) =>
      (def.valueSetter as (p: ValueSetterParams<GridRow>) => boolean)({ newValue } as ValueSetterParams<GridRow>);
    expect(set(byId(defs, 'GK'), '9')).toBe(true);
    expect(set(byId(defs, COMMENT_KEY), 'Chăm')).toBe(true);
    expect(cb.edits).toEqual([
      ['GK', '9'],
      [COMMENT_KEY, 'Chăm'],
    ]);
  });

  it('makes assessments and the comment editable only while the page allows it; computed columns never', () => {
    let open = true;
    const defs = gridColumns(contextOf('C22', maths, 1), callbacks({ editable: () => open })) as ColDef<GridRow>[];
    const editable = (def: ColDef<GridRow>) =>
      typeof def.editable === 'function' ? def.editable({} as never) : !!def.editable;
    expect(['TX1', 'CK', COMMENT_KEY].map((id) => editable(byId(defs, id)))).toEqual([true, true, true]);
    expect(['ordinal', 'fullName', 'result'].map((id) => editable(byId(defs, id)))).toEqual([false, false, false]);
    open = false;
    expect(editable(byId(defs, 'TX1'))).toBe(false);
  });

  it('lets Delete and Backspace reach the page instead of opening the editor, unless editing', () => {
    const defs = gridColumns(contextOf('C22', maths, 1), callbacks()) as ColDef<GridRow>[];
    const suppress = (key: string, editing: boolean) =>
      byId(defs, 'TX1').suppressKeyboardEvent!({ editing, event: { key } } as never);
    expect(suppress('Delete', false)).toBe(true);
    expect(suppress('Backspace', false)).toBe(true);
    expect(suppress('Delete', true)).toBe(false);
    expect(suppress('7', false)).toBe(false);
  });

  it('paints invalid, conflicting and pending cells and shows the error as tooltip', () => {
    const context = contextOf('C22', maths, 1);
    const defs = gridColumns(context, callbacks()) as ColDef<GridRow>[];
    const row = rowOf(context, {});
    applyInput(context, row, 'TX1', '12');
    row.conflicts['GK'] = true;
    const classes = (id: string) => {
      const rules = byId(defs, id).cellClassRules as Record<string, (p: CellClassParams<GridRow>) => boolean>;
      return Object.keys(rules).filter((name) => rules[name]({ data: row } as CellClassParams<GridRow>));
    };
    expect(classes('TX1')).toEqual(['grade-cell-invalid']);
    expect(classes('TX2')).toEqual(['grade-cell-pending']);
    expect(classes('GK')).toEqual(['grade-cell-conflict']);
    expect(classes('CK')).toEqual([]);
    const tooltip = byId(defs, 'TX1').tooltipValueGetter!({ data: row } as never);
    expect(tooltip).toBe('outOfRange');
  });
});
