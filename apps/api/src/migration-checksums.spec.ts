import { migrationChecksum } from '@emis/api/platform';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATION_CHECKSUMS } from './migration-checksums';

const LIBS = path.resolve(__dirname, '../../../libs/api');

/** Every migration file of every context: libs/api/<context>/src/migrations/<timestamp>-<Name>.ts. */
function migrationFiles(): { name: string; file: string; path: string; source: string }[] {
  return readdirSync(LIBS).flatMap((context) => {
    const dir = path.join(LIBS, context, 'src/migrations');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      return [];
    }
    return files.map((file) => {
      const match = /^(\d{13})-(\w+)\.ts$/.exec(file);
      if (!match) throw new Error(`${context}/src/migrations/${file} is not named <13-digit timestamp>-<VerbNoun>.ts`);
      const at = path.join(dir, file);
      return {
        name: `${match[2]}${match[1]}`,
        file: `${context}/src/migrations/${file}`,
        path: at,
        source: readFileSync(at, 'utf8'),
      };
    });
  });
}

describe('migration files', () => {
  const files = migrationFiles();

  it('never changes a merged migration: each file matches its line in migration-checksums.ts', () => {
    const changed = files
      .filter((f) => MIGRATION_CHECKSUMS[f.name] !== migrationChecksum(f.source))
      .map((f) =>
        MIGRATION_CHECKSUMS[f.name]
          ? `${f.file} changed after it was merged: restore it and put the change in a new migration`
          : `${f.file} is new: append  ${f.name}: '${migrationChecksum(f.source)}',  to apps/api/src/migration-checksums.ts`,
      );
    expect(changed).toEqual([]);
    const names = new Set(files.map((f) => f.name));
    expect(Object.keys(MIGRATION_CHECKSUMS).filter((name) => !names.has(name))).toEqual([]);
  });

  it('keeps each migration self-contained: it imports nothing but TypeORM types', () => {
    for (const { file, source } of files) {
      const imports = [...source.matchAll(/^\s*import\s+(type\s+)?(.*?)\s+from\s+['"]([^'"]+)['"]/gms)].map((m) => ({
        names: m[2],
        from: m[3],
      }));
      const typeNames = /^\{\s*(MigrationInterface|QueryRunner)(\s*,\s*(MigrationInterface|QueryRunner))*\s*,?\s*\}$/;
      expect({ file, imports: imports.filter((i) => i.from !== 'typeorm' || !typeNames.test(i.names)) }).toEqual({
        file,
        imports: [],
      });
      expect({ file, dynamicImport: /\brequire\s*\(|\bimport\s*\(/.test(source) }).toEqual({
        file,
        dynamicImport: false,
      });
    }
  });

  it('names each migration class and its TypeORM name after its file', () => {
    for (const { file, name, path: at } of files) {
      const exported = Object.values(require(at) as Record<string, new () => { name?: string }>);
      expect({ file, classes: exported.map((c) => [c.name, new c().name]) }).toEqual({ file, classes: [[name, name]] });
    }
  });
});
