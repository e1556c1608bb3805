import { ImportRegistry } from './import-registry';
import { Importer } from './importer';

function importer(kind: Importer['kind'], permission: Importer['permission']): Importer {
  return {
    kind,
    permission,
    maxRows: 10,
    headerRow: 1,
    open: async () => undefined,
    layout: () => ({ kind, sheetName: 'x', templateFileName: 'x.xlsx', columns: [] }),
    readRow: () => null,
    commit: async () => ({ created: 0, updated: 0, unchanged: 0 }),
  };
}

describe('ImportRegistry', () => {
  it('answers the importer registered for a kind, and nothing for a kind no context registered', () => {
    const registry = new ImportRegistry();
    const students = importer('STUDENTS', 'people.import');
    registry.register(students);
    expect(registry.get('STUDENTS')).toBe(students);
    expect(registry.get('GRADEBOOK')).toBeUndefined();
  });

  it('refuses a second importer for the same kind', () => {
    const registry = new ImportRegistry();
    registry.register(importer('STAFF', 'people.import'));
    expect(() => registry.register(importer('STAFF', 'people.import'))).toThrow(
      'an importer for STAFF is already registered',
    );
  });

  it('lists each permission that can start an import once', () => {
    const registry = new ImportRegistry();
    registry.register(importer('STUDENTS', 'people.import'));
    registry.register(importer('STAFF', 'people.import'));
    registry.register(importer('GRADEBOOK', 'grades.enter'));
    expect(registry.permissions().sort()).toEqual(['grades.enter', 'people.import']);
  });
});
