import { classSizeWarning } from './grades';

// docs/domain/organisation.md "Class-size ceilings": above the ceiling a warning, never a refusal; the ceilings are
// the charters' unless the department set others for the year.
describe('the class-size warning', () => {
  it('warns above the charter’s ceiling, not at it', () => {
    expect(classSizeWarning('6', 45)).toBeNull();
    expect(classSizeWarning('6', 46)).toEqual({ ceiling: 45, over: 1 });
    expect(classSizeWarning('1', 36)).toEqual({ ceiling: 35, over: 1 });
  });

  it('reads the ceilings the department set for the year', () => {
    const ceilings = {
      ...{ NT: 25, MG3: 25, MG4: 30, MG5: 35 },
      ...Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].map((g) => [g, 40])),
    } as Parameters<typeof classSizeWarning>[2];
    expect(classSizeWarning('6', 41, ceilings)).toEqual({ ceiling: 40, over: 1 });
    expect(classSizeWarning('1', 38, ceilings)).toBeNull();
  });
});
