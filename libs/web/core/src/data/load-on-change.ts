import { computed, Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ProblemDetails } from '@emis/contracts';
import { catchError, EMPTY, Observable, switchMap, tap } from 'rxjs';
import { toProblem } from '../http/problem';

export interface Loaded<T> {
  /** The last value loaded; kept while a newer request is on its way, so lists do not flicker. */
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<ProblemDetails | null>;
  reload(): void;
  /** Replaces the value with one the caller already has, e.g. the answer of a successful save. */
  set(value: T): void;
}

/**
 * Loads data whenever the signals read by `params` change; a newer request cancels the older one.
 * `params` returning undefined means "nothing to load yet". Built from stable rxjs-interop
 * primitives rather than the still-experimental resource() API. Call in an injection context.
 */
export function loadOnChange<P, T>(params: () => P | undefined, load: (params: P) => Observable<T>): Loaded<T> {
  const reloads = signal(0);
  const value = signal<T | undefined>(undefined);
  const loading = signal(false);
  const error = signal<ProblemDetails | null>(null);
  const trigger = computed(() => ({ params: params(), reload: reloads() }));

  toObservable(trigger)
    .pipe(
      switchMap(({ params: current }) => {
        if (current === undefined) {
          loading.set(false);
          return EMPTY;
        }
        loading.set(true);
        return load(current).pipe(
          tap((result) => {
            value.set(result);
            error.set(null);
            loading.set(false);
          }),
          catchError((failure: unknown) => {
            value.set(undefined);
            error.set(toProblem(failure));
            loading.set(false);
            return EMPTY;
          }),
        );
      }),
      takeUntilDestroyed(),
    )
    .subscribe();

  return {
    value: value.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    reload: () => reloads.update((n) => n + 1),
    set: (next: T) => value.set(next),
  };
}
