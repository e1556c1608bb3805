import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One term per concept (docs/glossary.md): every forbidden variant listed in the glossary's table is absent from the
 * sources users read — translations, API messages, export headers, PDF layouts, demo data — as written, with a capital
 * first letter, or in capitals.
 * Tests are left out (they may type a variant on purpose), and so are migrations (never edited after merge).
 */
const root = path.resolve(__dirname, '../../..');

function forbiddenVariants(): { variant: string; term: string }[] {
  const glossary = readFileSync(path.join(root, 'docs/glossary.md'), 'utf8');
  const rows = glossary.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
  return rows.slice(1).flatMap((row) => {
    const cells = row.split('|').map((c) => c.trim());
    return cells[4]
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((variant) => ({ variant, term: cells[1] }));
  });
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', 'test', 'migrations', 'web-e2e'].includes(entry.name) ? [] : sources(full);
    }
    return /\.(ts|html|mjs)$/.test(entry.name) && !/\.(int-)?spec\.ts$/.test(entry.name) ? [full] : [];
  });
}

function casings(variant: string): string[] {
  const lower = variant.normalize('NFC').toLocaleLowerCase('vi');
  const capital = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
  return [variant.normalize('NFC'), lower, capital, lower.toLocaleUpperCase('vi')];
}

describe('the glossary', () => {
  const variants = forbiddenVariants();
  const files = ['apps', 'libs', 'tools'].flatMap((dir) => sources(path.join(root, dir)));

  it('lists terms with forbidden variants, and the scan reaches the translation and message files', () => {
    expect(variants.map((v) => v.variant)).toEqual(
      expect.arrayContaining(['học kỳ', 'Phiếu liên lạc', 'Đang công tác']),
    );
    expect(files.some((f) => f.endsWith(path.join('apps/web/src/app/i18n/vi.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('libs/web/grading/src/i18n/grading.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('apps/api/src/messages.ts')))).toBe(true);
  });

  it('finds no forbidden variant in any translation, message, export or PDF source', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8').normalize('NFC');
      for (const { variant, term } of variants) {
        if (casings(variant).some((written) => text.includes(written))) {
          found.push(`${path.relative(root, file)}: "${variant}" (write "${term}")`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
