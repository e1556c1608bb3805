import { Directive, inject, input } from '@angular/core';
import { NgControl } from '@angular/forms';
import { capitaliseVietnameseName } from '@emis/domain';

/**
 * A person's name field: as the user leaves it, the text is rewritten the way records write names —
 * "nguyễn  thùy anh" becomes "Nguyễn Thùy Anh" (`capitaliseVietnameseName`, docs/conventions.md "Names") — so the user
 * sees what will be stored; the API applies the same function to what it receives.
 */
@Directive({
  selector: 'input[emisNameCase]',
  host: { '(blur)': 'left()', autocapitalize: 'words' },
})
export class NameCaseDirective {
  private readonly control = inject(NgControl, { self: true });
  /** `[emisNameCase]="false"` turns it off for an input that is not a name (a loop of guardian fields). */
  readonly enabled = input(true, { alias: 'emisNameCase', transform: (v: boolean | '') => v !== false });

  protected left(): void {
    const control = this.control.control;
    if (!this.enabled()) return;
    const value: unknown = control?.value;
    if (!control || typeof value !== 'string' || !value.trim()) return;
    const written = capitaliseVietnameseName(value);
    if (written !== value) control.setValue(written);
  }
}
