import { computed, DestroyRef, inject, signal } from '@angular/core';
import { ProblemDetails, WearRun } from '@emis/contracts';
import { toProblem } from '@emis/web/core';
import { exhaustMap, Subscription, takeWhile, timer } from 'rxjs';
import { AssetsApi } from './assets.api';

const POLL_INTERVAL_MS = 1000;

export function isRunning(run: WearRun | null): boolean {
  return run !== null && (run.status === 'QUEUED' || run.status === 'RUNNING');
}

/** The share of a run done, 0–100, or null while its size is not known yet (the bar then pulses). */
export function runPercent(run: WearRun | null): number | null {
  if (!run || !run.total) return run?.status === 'DONE' ? 100 : null;
  return Math.min(100, Math.floor((run.done / run.total) * 100));
}

/**
 * Starts a wear run (a school's, or the province's when schoolId is null) and follows it: the API answers 202 with
 * the run and works in the background, so the page polls it every second until it is done or failed. Call in an
 * injection context; polling stops with the page.
 */
export function followWearRun(onFinished: (run: WearRun) => void) {
  const api = inject(AssetsApi);
  const run = signal<WearRun | null>(null);
  const starting = signal(false);
  const problem = signal<ProblemDetails | null>(null);
  let polling: Subscription | null = null;
  inject(DestroyRef).onDestroy(() => polling?.unsubscribe());

  function poll(schoolId: string | null, started: WearRun): void {
    polling?.unsubscribe();
    if (!isRunning(started)) {
      onFinished(started);
      return;
    }
    polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => api.wearRun(schoolId, started.id)),
        takeWhile((current) => isRunning(current), true),
      )
      .subscribe({
        next: (current) => {
          run.set(current);
          if (!isRunning(current)) onFinished(current);
        },
        error: (error: unknown) => problem.set(toProblem(error)),
      });
  }

  return {
    run: run.asReadonly(),
    problem: problem.asReadonly(),
    busy: computed(() => starting() || isRunning(run())),
    percent: computed(() => runPercent(run())),
    start(schoolId: string | null, year: number): void {
      starting.set(true);
      problem.set(null);
      run.set(null);
      api.startWearRun(schoolId, year).subscribe({
        next: (started) => {
          starting.set(false);
          run.set(started);
          poll(schoolId, started);
        },
        error: (error: unknown) => {
          starting.set(false);
          problem.set(toProblem(error));
        },
      });
    },
  };
}
