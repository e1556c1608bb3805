// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { FormControl, FormGroup } from '@angular/forms';
import { FormLeave } from './form-leave';

describe('a form page when the user leaves it', () => {
  const form = new FormGroup({ name: new FormControl('') });
  const leave = new FormLeave(() => form);

  it('has nothing pending while untouched, and lets the user go', async () => {
    expect(leave.pendingChanges()).toEqual({ saving: 0, invalid: 0, dirty: false });
    await expect(leave.flush()).resolves.toBe(true);
  });

  it('is dirty once typed into: the flush cannot save it, so the user is asked', async () => {
    form.controls.name.setValue('Lớp 6C');
    form.markAsDirty();
    expect(leave.pendingChanges().dirty).toBe(true);
    await expect(leave.flush()).resolves.toBe(false);
  });

  it('leaves without a question after a successful save', async () => {
    leave.saved();
    expect(leave.pendingChanges().dirty).toBe(false);
    await expect(leave.flush()).resolves.toBe(true);
  });

  it('closes its own Cancel without a question while clean, and asks once typed into', async () => {
    const typed = new FormGroup({ reason: new FormControl('') });
    const asked: boolean[] = [];
    const closing = new FormLeave(() => typed, {
      confirmDiscard: () => {
        asked.push(true);
        return Promise.resolve(false);
      },
    });
    await expect(closing.mayClose()).resolves.toBe(true);
    typed.markAsDirty();
    await expect(closing.mayClose()).resolves.toBe(false);
    expect(asked).toHaveLength(1);
  });
});
