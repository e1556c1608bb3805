import { SchoolYear } from '@emis/contracts';
import { chooseYearId } from './school-years';

const year = (id: string, startsOn: string, status: SchoolYear['status']) => ({ id, startsOn, status }) as SchoolYear;
const years = [
  year('y24', '2024-09-05', 'CLOSED'),
  year('y25', '2025-09-05', 'OPEN'),
  year('y26', '2026-09-05', 'PLANNED'),
];

describe('the school year a finance page opens on', () => {
  it('is the one in the address when the province has it', () => {
    expect(chooseYearId(years, 'y24')).toBe('y24');
  });

  it('is the open year otherwise, even when a later one is planned', () => {
    expect(chooseYearId(years, undefined)).toBe('y25');
    expect(chooseYearId(years, 'unknown')).toBe('y25');
  });

  it('is the latest when none is open, and none without years', () => {
    expect(chooseYearId([years[0], years[2]], undefined)).toBe('y26');
    expect(chooseYearId([], undefined)).toBeNull();
  });
});
