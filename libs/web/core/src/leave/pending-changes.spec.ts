import { afterFlush, hasPending, NOTHING_PENDING } from './pending-changes';

describe('leaving a page with pending changes', () => {
  it('has nothing pending when no save waits, no cell is invalid and nothing is dirty', () => {
    expect(hasPending(NOTHING_PENDING)).toBe(false);
    expect(hasPending({ saving: 1, invalid: 0, dirty: false })).toBe(true);
    expect(hasPending({ saving: 0, invalid: 2, dirty: false })).toBe(true);
    expect(hasPending({ saving: 0, invalid: 0, dirty: true })).toBe(true);
  });

  it('leaves once the flush saved everything', () => {
    expect(afterFlush(true, NOTHING_PENDING)).toBe('leave');
  });

  it('asks when the flush failed (network, refusal), even if nothing else is pending', () => {
    expect(afterFlush(false, NOTHING_PENDING)).toBe('ask');
  });

  it('asks when invalid cells remain after a successful flush: they were never sent', () => {
    expect(afterFlush(true, { saving: 0, invalid: 2, dirty: false })).toBe('ask');
  });

  it('asks when a form is still dirty (a page that saves only on command)', () => {
    expect(afterFlush(true, { saving: 0, invalid: 0, dirty: true })).toBe('ask');
  });
});
