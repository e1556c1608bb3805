import { migrationName } from '@emis/api/platform';
import { MIGRATION_CHECKSUMS } from './migration-checksums';
import { MIGRATIONS, RETIRED_MIGRATIONS } from './migrations';

describe('the API migration list', () => {
  const listed = MIGRATIONS.map(migrationName);

  it('holds every migration with a checksum (so every migration file) once, in the order of their timestamps', () => {
    expect([...listed].sort()).toEqual(Object.keys(MIGRATION_CHECKSUMS).sort());
    const stamps = listed.map((name) => Number(name.slice(-13)));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('maps every retired name to migrations of the list, each claimed by one retired name at most', () => {
    const replacements = Object.values(RETIRED_MIGRATIONS).flat();
    expect(Object.keys(RETIRED_MIGRATIONS).filter((name) => listed.includes(name))).toEqual([]);
    expect(replacements.filter((name) => !listed.includes(name))).toEqual([]);
    expect(new Set(replacements).size).toBe(replacements.length);
  });
});
