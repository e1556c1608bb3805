import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The shell every page of the fixture web app answers with (the Angular app's index.html stands in for it). */
export const WEB_INDEX =
  '<!doctype html><html lang="vi"><head><title>Emis</title></head><body><app-root></app-root></body></html>';
export const WEB_BUNDLE = 'main-EDGE1234.js';

/**
 * A built web app's folder, as WEB_DIST_DIR points at in production: the API serves it on the same origin. Its
 * content does not matter to the wiring under test (what /api answers beside it), so it is two files, not a build.
 */
export function createWebDist(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'emis-web-'));
  writeFileSync(join(dir, 'index.html'), WEB_INDEX);
  writeFileSync(join(dir, WEB_BUNDLE), 'console.log("emis");');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
