// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { WearRun } from '@emis/contracts';
import { isRunning, runPercent } from './wear-run';

const run = (patch: Partial<WearRun>): WearRun => ({
  id: 'r1',
  year: 2026,
  scope: 'SCHOOL',
  status: 'RUNNING',
  total: 40,
  done: 10,
  postedRows: 10,
  postedAmount: 1_000_000,
  message: null,
  createdAt: '2026-12-05T01:00:00Z',
  finishedAt: null,
  ...patch,
});

describe('following a wear run', () => {
  it('is running while queued or running, not once done or failed', () => {
    expect(isRunning(run({ status: 'QUEUED' }))).toBe(true);
    expect(isRunning(run({ status: 'RUNNING' }))).toBe(true);
    expect(isRunning(run({ status: 'DONE' }))).toBe(false);
    expect(isRunning(run({ status: 'FAILED' }))).toBe(false);
    expect(isRunning(null)).toBe(false);
  });

  it('shows the share done, rounded down so 100 % means finished', () => {
    expect(runPercent(run({ done: 10, total: 40 }))).toBe(25);
    expect(runPercent(run({ done: 399, total: 400 }))).toBe(99);
    expect(runPercent(run({ done: 400, total: 400, status: 'DONE' }))).toBe(100);
  });

  it('has no share while the size is unknown, except a finished run of nothing', () => {
    expect(runPercent(run({ total: null, status: 'QUEUED' }))).toBeNull();
    expect(runPercent(run({ total: 0, done: 0, status: 'DONE' }))).toBe(100);
    expect(runPercent(null)).toBeNull();
  });
});
