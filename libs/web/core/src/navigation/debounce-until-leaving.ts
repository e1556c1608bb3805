import { inject } from '@angular/core';
import { NavigationStart, Router } from '@angular/router';
import { filter, map, MonoTypeOperatorFunction, Observable, switchMap, takeUntil, timer } from 'rxjs';

/**
 * A search field's typing reaches the URL after a pause, by a navigation of the page's own. When the user follows a
 * link to another page during that pause, the link's navigation may still be under way when the pause ends (a lazy
 * chunk, the leave guard, a slow answer): the search's navigation would then start, and the router cancels the one
 * before it — the click does nothing, with no message (the statistical reports' "Xem báo cáo tổng hợp" did this).
 * So the value still waiting is dropped as soon as a navigation to another page starts; one that stays on the page
 * (a filter chosen, its query changed) keeps it. Otherwise it behaves as `debounceTime(ms)`.
 */
export function debounceUntilLeaving<T>(ms: number, router: Router = inject(Router)): MonoTypeOperatorFunction<T> {
  return debounceUntil(ms, leavingThePage(router));
}

/** `debounceTime(ms)`, except that a value still waiting when `leaving` emits is dropped. */
export function debounceUntil<T>(ms: number, leaving: Observable<unknown>): MonoTypeOperatorFunction<T> {
  return (source) =>
    source.pipe(
      switchMap((value) =>
        timer(ms).pipe(
          map(() => value),
          takeUntil(leaving),
        ),
      ),
    );
}

/** The navigations that start towards another path than the one on screen (query and fragment aside). */
export function leavingThePage(router: Router): Observable<NavigationStart> {
  return router.events.pipe(
    filter((event): event is NavigationStart => event instanceof NavigationStart),
    filter((event) => pathOf(event.url) !== pathOf(router.url)),
  );
}

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0];
}
