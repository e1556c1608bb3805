// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { NavigationStart, Router } from '@angular/router';
import { Subject } from 'rxjs';
import { debounceUntil, leavingThePage } from './debounce-until-leaving';

describe('a search typed into a list, on its way to the URL', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function typing() {
    const typed = new Subject<string>();
    const leaving = new Subject<void>();
    const sent: string[] = [];
    typed.pipe(debounceUntil(300, leaving)).subscribe((q) => sent.push(q));
    return { typed, leaving, sent };
  }

  it('goes after the pause, only the last value typed', () => {
    const { typed, sent } = typing();
    typed.next('TH');
    jest.advanceTimersByTime(200);
    typed.next('THCS-NQ');
    jest.advanceTimersByTime(299);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual(['THCS-NQ']);
  });

  it('is dropped when the user leaves for another page during the pause, and typing afterwards goes again', () => {
    const { typed, leaving, sent } = typing();
    typed.next('THCS-NQ');
    jest.advanceTimersByTime(100);
    leaving.next();
    jest.advanceTimersByTime(1_000);
    expect(sent).toEqual([]);
    typed.next('THPT');
    jest.advanceTimersByTime(300);
    expect(sent).toEqual(['THPT']);
  });

  it('is not touched by a departure after it went', () => {
    const { typed, leaving, sent } = typing();
    typed.next('THCS-NQ');
    jest.advanceTimersByTime(300);
    leaving.next();
    expect(sent).toEqual(['THCS-NQ']);
  });
});

describe('the navigations that leave the page', () => {
  function router(url: string) {
    const events = new Subject<unknown>();
    return { events, router: { events, url } as unknown as Router };
  }

  it('are those towards another path; a query or fragment changed on the same path is not one', () => {
    const { events, router: r } = router('/reports/forms?kind=END_OF_YEAR');
    const left: string[] = [];
    leavingThePage(r).subscribe((e) => left.push(e.url));
    events.next(new NavigationStart(1, '/reports/forms?kind=END_OF_YEAR&q=THCS'));
    events.next(new NavigationStart(2, '/reports/forms#top'));
    events.next(new NavigationStart(3, '/reports/forms/aggregate?kind=END_OF_YEAR'));
    events.next({ url: '/elsewhere' });
    expect(left).toEqual(['/reports/forms/aggregate?kind=END_OF_YEAR']);
  });
});
