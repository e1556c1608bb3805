import { GradeRow } from '@emis/contracts';
import { gradebookColumns, GradingSubject, MissingAssessmentReading, semesterSubjectResult } from '@emis/domain';
import { applyInput, SheetContext, toGridRow } from './sheet-model';

// The grid averages with the year's province setting for a missed assessment, exactly as the API stores the average
// (docs/domain/gradebook.md, "A missing assessment").
const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };

function contextOf(missingAssessment?: MissingAssessmentReading): SheetContext {
  return {
    scheme: 'C22',
    subject: maths,
    grade: '6',
    semester: 1,
    yearCode: '2026-2027',
    columns: gradebookColumns('C22', maths, '6', 1),
    missingAssessment,
  };
}

const row: GradeRow = {
  studentId: 's1',
  ordinal: 1,
  fullName: 'Trần Thị Bình',
  dateOfBirth: '2014-09-05',
  cells: { TX1: 8, TX2: 8, TX3: 8, TX4: 8 },
  comment: null,
  average: null,
  rating: null,
  version: 1,
  updatedAt: null,
  updatedByName: null,
};

describe('the grid and a missed mid-term', () => {
  it('shows no average by default, as the server', () => {
    const grid = toGridRow(contextOf(), row);
    applyInput(contextOf(), grid, 'CK', '8');
    expect(grid.result.average).toBeNull();
    expect(grid.result.missing).toEqual(['GK']);
  });

  it('counts it as 0 when the year reads it so: (32 + 2·0 + 24) / 9 = 6.2, the server’s number', () => {
    const context = contextOf('ZERO');
    const grid = toGridRow(context, row);
    applyInput(context, grid, 'CK', '8');
    expect(grid.result.average).toBe(6.2);
    const server = semesterSubjectResult('C22', maths, '6', 1, { ...row.cells, CK: 8 }, '2026-2027', 'ZERO');
    expect(grid.result.average).toBe(server.average);
  });
});
