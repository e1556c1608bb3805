import { c58Layout, schemeFor, SCHEME_VERSIONS } from './scheme';

describe('which circular assesses a grade in a school year', () => {
  it('phases Circular 22 in grade by grade, Circular 58 before', () => {
    expect(schemeFor('2020-2021', '6')).toBe('C58');
    expect(schemeFor('2021-2022', '6')).toBe('C22');
    expect(schemeFor('2021-2022', '7')).toBe('C58');
    expect(schemeFor('2022-2023', '7')).toBe('C22');
    expect(schemeFor('2022-2023', '10')).toBe('C22');
    expect(schemeFor('2022-2023', '8')).toBe('C58');
    expect(schemeFor('2023-2024', '8')).toBe('C22');
    expect(schemeFor('2023-2024', '11')).toBe('C22');
    expect(schemeFor('2023-2024', '9')).toBe('C58');
    expect(schemeFor('2023-2024', '12')).toBe('C58');
    expect(schemeFor('2024-2025', '9')).toBe('C22');
    expect(schemeFor('2024-2025', '12')).toBe('C22');
    expect(schemeFor('2025-2026', '12')).toBe('C22');
  });

  it('answers Circular 27 for every primary grade, including years before its phase-in (not modelled)', () => {
    expect(schemeFor('2024-2025', '5')).toBe('C27');
    expect(schemeFor('2020-2021', '1')).toBe('C27');
    expect(schemeFor('2018-2019', '3')).toBe('C27');
  });

  it('answers null for preschool groups, which are not graded', () => {
    expect(schemeFor('2025-2026', 'NT')).toBeNull();
    expect(schemeFor('2025-2026', 'MG5')).toBeNull();
  });

  it('rejects a malformed school year code', () => {
    expect(() => schemeFor('2024-2026', '6')).toThrow(RangeError);
    expect(() => schemeFor('2024', '6')).toThrow(RangeError);
  });

  it('switches the Circular 58 sheet to regular / periodic assessments from 2020-21 (Circular 26/2020)', () => {
    expect(c58Layout('2019-2020')).toBe('COEFFICIENT');
    expect(c58Layout('2020-2021')).toBe('REGULAR_PERIODIC');
  });

  it('names each scheme with its circular', () => {
    expect(SCHEME_VERSIONS).toEqual({
      C22: '22/2021/TT-BGDĐT',
      C58: '58/2011/TT-BGDĐT (26/2020)',
      C27: '27/2020/TT-BGDĐT',
    });
  });
});
