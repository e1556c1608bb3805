import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit log speaks the user's language (docs/conventions.md, "Audit log"): every entity name the API writes
 * (`entity: '…'` or an `…ENTITY = '…'` constant in libs/api) has a label in Vietnamese and in English, and the web's
 * list of labelled entities holds it.
 */
const root = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'migrations'].includes(e.name) ? [] : files(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

function writtenEntities(): string[] {
  const names = new Set<string>();
  for (const file of files(path.join(root, 'libs/api'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bentity: '([a-z_]+)'|ENTITY\s*=\s*'([a-z_]+)'|\bentity = '([a-z_]+)'/g)) {
      names.add(m[1] ?? m[2] ?? m[3]);
    }
  }
  return [...names].sort();
}

function labelled(language: 'vi' | 'en'): Set<string> {
  const text = readFileSync(path.join(root, `apps/web/src/app/i18n/${language}.ts`), 'utf8');
  const start = text.indexOf('    entities: {\n');
  const block = text.slice(start, text.indexOf('\n    },', start));
  return new Set([...block.matchAll(/^ {6}([a-z_]+): '[^']+',$/gm)].map((m) => m[1]));
}

function webList(): Set<string> {
  const text = readFileSync(path.join(root, 'libs/web/schools/src/ui/audit-entities.ts'), 'utf8');
  return new Set([...text.matchAll(/^ {2}'([a-z_]+)',$/gm)].map((m) => m[1]));
}

describe('audit entity names', () => {
  const written = writtenEntities();

  it('finds the entities the API writes', () => {
    expect(written).toEqual(expect.arrayContaining(['student', 'grading_lock', 'import_job', 'attendance']));
  });

  it.each(['vi', 'en'] as const)('has a %s label for every entity the API writes', (language) => {
    const labels = labelled(language);
    expect(written.filter((name) => !labels.has(name))).toEqual([]);
  });

  it("lists every labelled entity in the web's audit table", () => {
    const list = webList();
    expect(written.filter((name) => !list.has(name))).toEqual([]);
    expect([...labelled('vi')].filter((name) => !list.has(name))).toEqual([]);
  });
});
