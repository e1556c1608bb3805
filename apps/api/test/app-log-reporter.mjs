// A Jest reporter for the integration and Citus runs (docs/testing.md, "When a spec file fails"): when a spec file has
// a failed test (or failed to run), it prints the warnings and errors its applications logged — the cause a failed
// job or a 500 leaves only there — and keeps the whole log in tmp/int-logs/. A file that passes prints nothing.
//
// The log is written by apps/api/test/harness.ts (startTestApp) to the file appLogFile (apps/api/test/test-env.ts)
// names; this reporter runs in Jest's parent process, after the global setup handed the run's folder over in
// EMIS_INT_TEST_ENV, and names the file the same way. It reads the file once the worker has reported the spec file,
// when its applications are closed and every line is on disk (the harness writes synchronously).
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The last entries printed, and the lines of each stack: enough for the cause, short enough for CI's output. */
const MAX_ENTRIES = 25;
const STACK_LINES = 12;
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** pino's and pino-http's own fields, shown in their own way (or not at all) rather than among the extras. */
const SHOWN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'context',
  'err',
  'error',
  'req',
  'res',
  'responseTime',
]);

export default class AppLogReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onTestResult(_test, result) {
    if (result.numFailingTests === 0 && !result.testExecError) return;
    const env = process.env['EMIS_INT_TEST_ENV'];
    if (!env) return;
    const spec = path.relative(this.rootDir, result.testFilePath);
    const name = spec.split(path.sep).join('__');
    const file = path.join(JSON.parse(env).dataDir, 'app-logs', `${name}.log`);
    if (!existsSync(file)) {
      process.stderr.write(`\n  Application log of ${spec}: none (no application logged a warning or an error).\n\n`);
      return;
    }
    // The run's folder is deleted at its end: the whole log is kept beside the other test outputs.
    const kept = path.join(this.rootDir, 'tmp', 'int-logs', `${name}.log`);
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(file, kept);
    const entries = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const shown = entries.slice(-MAX_ENTRIES);
    const lines = [
      `Application log of ${spec}: ${entries.length} warning(s) and error(s)` +
        (shown.length < entries.length ? `, the last ${shown.length}` : '') +
        `; the whole log: ${path.relative(this.rootDir, kept)}`,
      ...shown.flatMap(formatEntry),
    ];
    process.stderr.write(`\n${lines.map((line) => `  ${line}`).join('\n')}\n\n`);
  }
}

/** One log entry as a few readable lines: time, level, [context], message, the rest; then the error's stack. */
export function formatEntry(text) {
  let entry;
  try {
    entry = JSON.parse(text);
  } catch {
    return [`  ${text.slice(0, 500)}`];
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const head = [time, LEVELS[entry.level] ?? entry.level, entry.context ? `[${entry.context}]` : '', entry.msg ?? '']
    .filter(Boolean)
    .join(' ');
  const request = entry.req ? ` ${entry.req.method} ${entry.req.url} → ${entry.res?.statusCode ?? '?'}` : '';
  const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !SHOWN.has(key)));
  const rest = Object.keys(extra).length ? ` ${JSON.stringify(extra).slice(0, 400)}` : '';
  const error = entry.err ?? entry.error;
  const stack =
    error && typeof error === 'object'
      ? String(error.stack ?? `${error.type ?? 'Error'}: ${error.message}`)
          .split('\n')
          .slice(0, STACK_LINES)
          .map((line) => `    ${line}`)
      : [];
  return [`  ${head}${request}${rest}`, ...stack];
}
