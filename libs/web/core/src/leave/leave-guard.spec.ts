// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injector, runInInjectionContext } from '@angular/core';
import { AuthStore } from '../auth/auth.store';
import { canLeavePage, LeaveGuard } from './leave-guard';
import { LeavesSafely, NOTHING_PENDING, PendingChanges } from './pending-changes';

/** A page whose flush answers as told and leaves what the test says behind. */
class FakePage implements LeavesSafely {
  flushes = 0;
  constructor(
    public pending: PendingChanges,
    private readonly outcome: { flushed: boolean; left: PendingChanges },
  ) {}
  pendingChanges(): PendingChanges {
    return this.pending;
  }
  async flush(): Promise<boolean> {
    this.flushes += 1;
    this.pending = this.outcome.left;
    return this.outcome.flushed;
  }
}

function setUp() {
  const view = new EventTarget();
  let sessionEnding: (() => Promise<unknown>) | null = null;
  const auth = { onSessionEnding: (flush: () => Promise<unknown>) => (sessionEnding = flush) };
  const injector = Injector.create({
    providers: [
      { provide: AuthStore, useValue: auth },
      { provide: DOCUMENT, useValue: { defaultView: view } },
      LeaveGuard,
    ],
  });
  const guard = injector.get(LeaveGuard);
  const destroyed: (() => void)[] = [];
  const destroyRef = { onDestroy: (fn: () => void) => destroyed.push(fn) } as unknown as DestroyRef;
  return {
    guard,
    injector,
    destroyRef,
    sessionEnding: () => sessionEnding?.(),
    destroy: () => destroyed.forEach((f) => f()),
    /** A reload or closing the tab: whether the page asked the browser to warn. */
    unload: () => {
      const event = new Event('beforeunload', { cancelable: true });
      view.dispatchEvent(event);
      return event.defaultPrevented;
    },
  };
}

const SAVING = { saving: 1, invalid: 0, dirty: false };
const INVALID = { saving: 0, invalid: 2, dirty: false };

describe('the leave guard', () => {
  it('lets a page with nothing pending go without flushing it', async () => {
    const { guard } = setUp();
    const page = new FakePage(NOTHING_PENDING, { flushed: true, left: NOTHING_PENDING });
    await expect(guard.mayLeave(page)).resolves.toBe(true);
    expect(page.flushes).toBe(0);
  });

  it('flushes pending saves and leaves without a question when they are saved', async () => {
    const { guard } = setUp();
    const page = new FakePage(SAVING, { flushed: true, left: NOTHING_PENDING });
    await expect(guard.mayLeave(page)).resolves.toBe(true);
    expect(page.flushes).toBe(1);
    expect(guard.question()).toBeNull();
  });

  it('asks when invalid cells remain; "stay" keeps the page', async () => {
    const { guard } = setUp();
    const page = new FakePage(INVALID, { flushed: true, left: INVALID });
    const leaving = guard.mayLeave(page);
    await Promise.resolve();
    await Promise.resolve();
    expect(guard.question()).toEqual(INVALID);
    guard.decide(false);
    await expect(leaving).resolves.toBe(false);
    expect(guard.question()).toBeNull();
  });

  it('asks when the save failed; "leave and discard" lets the page go and is not asked again', async () => {
    const { guard } = setUp();
    const page = new FakePage(SAVING, { flushed: false, left: SAVING });
    const leaving = guard.mayLeave(page);
    await Promise.resolve();
    await Promise.resolve();
    guard.decide(true);
    await expect(leaving).resolves.toBe(true);
    await expect(guard.mayLeave(page)).resolves.toBe(true);
    expect(page.flushes).toBe(1);
  });

  it('checks every registered page before sign-out and stops at the first the user stays on', async () => {
    const { guard, destroyRef, destroy } = setUp();
    const saved = new FakePage(SAVING, { flushed: true, left: NOTHING_PENDING });
    const invalid = new FakePage(INVALID, { flushed: true, left: INVALID });
    guard.register(saved, destroyRef);
    guard.register(invalid, destroyRef);
    const signingOut = guard.mayLeaveAll();
    for (let i = 0; i < 6; i++) await Promise.resolve();
    expect(saved.flushes).toBe(1);
    guard.decide(false);
    await expect(signingOut).resolves.toBe(false);
    destroy();
    await expect(guard.mayLeaveAll()).resolves.toBe(true);
  });

  it('flushes the open pages when the session ends, without asking', async () => {
    const { guard, destroyRef, sessionEnding } = setUp();
    const page = new FakePage(SAVING, { flushed: false, left: SAVING });
    guard.register(page, destroyRef);
    await sessionEnding();
    expect(page.flushes).toBe(1);
    expect(guard.question()).toBeNull();
  });

  it('keeps the browser’s warning for a reload or closing the tab while something is pending', () => {
    const { guard, destroyRef, unload, destroy } = setUp();
    const page = new FakePage(INVALID, { flushed: true, left: INVALID });
    guard.register(page, destroyRef);
    expect(unload()).toBe(true);
    page.pending = NOTHING_PENDING;
    expect(unload()).toBe(false);
    page.pending = SAVING;
    destroy();
    expect(unload()).toBe(false);
  });

  it('asks before a dialog typed into is closed, in the words of closing; "keep editing" keeps it open', async () => {
    const { guard } = setUp();
    const closing = guard.confirmDiscard();
    expect(guard.question()).toEqual({ saving: 0, invalid: 0, dirty: true, closing: true });
    guard.decide(false);
    await expect(closing).resolves.toBe(false);
    const again = guard.confirmDiscard();
    guard.decide(true);
    await expect(again).resolves.toBe(true);
  });

  it('guards the page under an open dialog typed into: leaving asks, and stops once the dialog is closed', async () => {
    const { guard, injector, unload } = setUp();
    let typed = false;
    const stop = guard.track(() => typed);
    const leave = () => runInInjectionContext(injector, () => canLeavePage(null, null!, null!, null!));
    await expect(leave()).resolves.toBe(true);

    typed = true;
    expect(unload()).toBe(true);
    const leaving = leave() as Promise<boolean>;
    // The dialog is given the time a save that just succeeded needs to close it, then the user is asked.
    await new Promise((settled) => setTimeout(settled, 5));
    expect(guard.question()).toEqual({ saving: 0, invalid: 0, dirty: true });
    guard.decide(false);
    await expect(leaving).resolves.toBe(false);

    stop();
    expect(unload()).toBe(false);
    await expect(leave()).resolves.toBe(true);
  });

  it('leaves without a question when the dialog is closed while its flush waits (saved just before leaving)', async () => {
    const { guard } = setUp();
    const stop = guard.track(() => true);
    const leaving = guard.mayLeaveAll();
    stop();
    await expect(leaving).resolves.toBe(true);
    expect(guard.question()).toBeNull();
  });

  it('consults the routed page first, then every other registered form', async () => {
    const { guard, injector, destroyRef } = setUp();
    const page = new FakePage(SAVING, { flushed: true, left: NOTHING_PENDING });
    const inlineForm = new FakePage(
      { saving: 0, invalid: 0, dirty: true },
      { flushed: false, left: { saving: 0, invalid: 0, dirty: true } },
    );
    guard.register(inlineForm, destroyRef);
    const leaving = runInInjectionContext(injector, () => canLeavePage(page, null!, null!, null!)) as Promise<boolean>;
    await new Promise((settled) => setTimeout(settled, 5));
    expect(page.flushes).toBe(1);
    expect(guard.question()?.dirty).toBe(true);
    guard.decide(true);
    await expect(leaving).resolves.toBe(true);
  });
});
