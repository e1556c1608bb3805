import { computed, DestroyRef, inject, signal } from '@angular/core';
import { ChargeGeneration, ProblemDetails } from '@emis/contracts';
import { toProblem } from '@emis/web/core';
import { exhaustMap, Subscription, takeWhile, timer } from 'rxjs';
import { CollectionApi } from './collection.api';

const POLL_INTERVAL_MS = 1000;

export function isGenerating(generation: ChargeGeneration | null): boolean {
  return generation !== null && (generation.status === 'QUEUED' || generation.status === 'RUNNING');
}

/**
 * The generation of a period's charges: first a dry run (what it would do, nothing written), then the run itself.
 * A large school's run answers 202 and works as a job, so the page polls it every second until it is done or failed.
 * Call in an injection context; polling stops with the page.
 */
export function followChargeGeneration(onFinished: (generation: ChargeGeneration) => void) {
  const api = inject(CollectionApi);
  const preview = signal<ChargeGeneration | null>(null);
  const generation = signal<ChargeGeneration | null>(null);
  const starting = signal(false);
  const problem = signal<ProblemDetails | null>(null);
  let polling: Subscription | null = null;
  inject(DestroyRef).onDestroy(() => polling?.unsubscribe());

  function poll(schoolId: string, periodId: string, started: ChargeGeneration): void {
    polling?.unsubscribe();
    if (!isGenerating(started)) {
      onFinished(started);
      return;
    }
    polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => api.generation(schoolId, periodId)),
        takeWhile((current) => isGenerating(current), true),
      )
      .subscribe({
        next: (current) => {
          generation.set(current);
          if (!isGenerating(current)) onFinished(current);
        },
        error: (error: unknown) => problem.set(toProblem(error)),
      });
  }

  function call(schoolId: string, periodId: string, dryRun: boolean): void {
    starting.set(true);
    problem.set(null);
    api.generate(schoolId, periodId, dryRun).subscribe({
      next: (answer) => {
        starting.set(false);
        if (dryRun) {
          preview.set(answer);
          return;
        }
        generation.set(answer);
        poll(schoolId, periodId, answer);
      },
      error: (error: unknown) => {
        starting.set(false);
        problem.set(toProblem(error));
      },
    });
  }

  return {
    preview: preview.asReadonly(),
    generation: generation.asReadonly(),
    problem: problem.asReadonly(),
    busy: computed(() => starting() || isGenerating(generation())),
    reset(): void {
      polling?.unsubscribe();
      preview.set(null);
      generation.set(null);
      problem.set(null);
    },
    previewRun: (schoolId: string, periodId: string) => call(schoolId, periodId, true),
    run: (schoolId: string, periodId: string) => call(schoolId, periodId, false),
  };
}
