import { SchoolYear, StatisticalReport, SubmissionStatusRow } from '@emis/contracts';
import { defaultYearId, isEditable, manualOf, parseFigure, statusCounts } from './statistical-forms.model';

const year = (id: string, code: string, status: SchoolYear['status']) => ({ id, code, status }) as SchoolYear;

describe('statistical forms model', () => {
  it('picks the open school year, else the latest', () => {
    expect(defaultYearId([year('a', '2025-2026', 'CLOSED'), year('b', '2026-2027', 'OPEN')])).toBe('b');
    expect(defaultYearId([year('a', '2024-2025', 'CLOSED'), year('c', '2025-2026', 'CLOSED')])).toBe('c');
    expect(defaultYearId([])).toBeNull();
  });

  it('reads a typed figure as a whole number, empty as null, anything else as invalid', () => {
    expect(parseFigure(' 1.250 ')).toBe(1250);
    expect(parseFigure('')).toBeNull();
    expect(parseFigure('-3')).toBeUndefined();
    expect(parseFigure('2,5')).toBeUndefined();
  });

  it('counts schools per status', () => {
    const rows = ['SUBMITTED', 'SUBMITTED', 'NOT_STARTED', 'REOPENED'].map((status) => ({ status })) as SubmissionStatusRow[];
    expect(statusCounts(rows)).toEqual({ NOT_STARTED: 1, DRAFT: 0, SUBMITTED: 2, REOPENED: 1 });
  });

  it('lists every facility line of the typed-in figures and keeps a submitted report read-only', () => {
    const report = { status: 'SUBMITTED', manual: { CLASSROOMS: 12 } } as unknown as StatisticalReport;
    expect(manualOf(report)).toEqual({
      CLASSROOMS: 12,
      SUBJECT_ROOMS: null,
      LABORATORIES: null,
      LIBRARIES: null,
      COMPUTERS: null,
    });
    expect(isEditable(report)).toBe(false);
    expect(isEditable({ ...report, status: 'REOPENED' })).toBe(true);
  });
});
