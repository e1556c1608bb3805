import { Directive, forwardRef, input, OnChanges, output } from '@angular/core';
import { AbstractControl, NG_VALIDATORS, NG_VALUE_ACCESSOR, ValidationErrors } from '@angular/forms';
import { ParsedText, ParsedTextInput } from '../form/parsed-text-input';
import { displayToIso, isoToDisplay, maskDateTyping } from './date-input';

/**
 * A date field typed and shown dd/mm/yyyy whatever the browser's locale, holding ISO yyyy-MM-dd
 * (`docs/conventions.md`, "Dates"). Two ways to use it:
 * - with a form control (`formControlName`): the control holds the ISO date, or '' while the text is empty or no
 *   date (what a native date input gave, so the forms and what they send are unchanged); text that is no date fails
 *   with { date: true }; `min` and `max` (ISO) fail with { dateMin } / { dateMax };
 * - alone, with `[isoValue]` and the outputs: `(isoInput)` as the user types — the ISO date, or '' while the text is
 *   empty or no date, exactly what a native date input's value would be — and `(isoChange)` when the field is left
 *   (blur, Enter) with a readable date or empty and its value changed, as a native `change` event.
 */
@Directive({
  selector: 'input[emisDateInput]',
  host: {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'dd/mm/yyyy',
    maxlength: '10',
    '(input)': 'typedDate($any($event.target))',
    '(blur)': 'leftDate()',
    '(keydown.enter)': 'leftDate()',
  },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DateInputDirective), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => DateInputDirective), multi: true },
  ],
})
export class DateInputDirective extends ParsedTextInput<string> implements OnChanges {
  readonly isoValue = input<string | null | undefined>(undefined, { alias: 'isoValue' });
  readonly minIso = input<string | null | undefined>(null, { alias: 'min' });
  readonly maxIso = input<string | null | undefined>(null, { alias: 'max' });
  readonly isoInput = output<string>();
  readonly isoChange = output<string>();
  protected override readonly unreadableError = 'date';
  /** The value last given by the page or announced by isoChange: a change is announced once. */
  private committed: string | null = null;

  /** Without a form control the page drives the value through [isoValue] ('' or null: empty). */
  ngOnChanges(): void {
    const iso = this.isoValue();
    if (iso === undefined) return;
    const value = iso || null;
    this.committed = value;
    // The page echoing what is being typed ('' for text that is no date yet) must not wipe the text.
    if (value !== this.current) this.writeValue(value);
  }

  override writeValue(value: string | null): void {
    super.writeValue(value || null);
  }

  override validate(control: AbstractControl): ValidationErrors | null {
    const unreadable = super.validate(control);
    if (unreadable) return unreadable;
    const min = this.minIso();
    const max = this.maxIso();
    if (this.current && min && this.current < min) return { dateMin: { min: isoToDisplay(min) } };
    if (this.current && max && this.current > max) return { dateMax: { max: isoToDisplay(max) } };
    return null;
  }

  protected override parse(text: string): ParsedText<string> {
    const parsed = displayToIso(text);
    return parsed.ok ? { ok: true, value: parsed.iso } : { ok: false };
  }

  protected override format(value: string | null): string {
    return isoToDisplay(value);
  }

  protected override toControl(value: string | null): string {
    return value ?? '';
  }

  protected typedDate(field: HTMLInputElement): void {
    const masked = maskDateTyping(field.value);
    if (masked !== field.value) this.show(masked);
    this.typed(masked);
    this.isoInput.emit(this.current ?? '');
  }

  protected leftDate(): void {
    const parsed = this.left();
    if (!parsed.ok || parsed.value === this.committed) return;
    this.committed = parsed.value;
    this.isoChange.emit(parsed.value ?? '');
  }
}
