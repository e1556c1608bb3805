import { Directive, ElementRef, forwardRef, inject, input, OnChanges, output, Renderer2 } from '@angular/core';
import {
  AbstractControl,
  ControlValueAccessor,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  ValidationErrors,
  Validator,
} from '@angular/forms';
import { displayToIso, isoToDisplay, maskDateTyping } from './date-input';

/**
 * A date field typed and shown dd/mm/yyyy whatever the browser's locale, holding ISO yyyy-MM-dd
 * (`docs/conventions.md`, "Dates"): with a form control (`formControlName`), or alone with `[isoValue]` and
 * `(isoChange)` (emitted when the field is left with a readable date). Text that is no date leaves the control null
 * and fails with { date: true }; `min` and `max` (ISO) fail with { dateMin } / { dateMax }.
 */
@Directive({
  selector: 'input[emisDateInput]',
  host: {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'dd/mm/yyyy',
    maxlength: '10',
    '(input)': 'typed($any($event.target))',
    '(blur)': 'left()',
    '(keydown.enter)': 'left()',
  },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DateInputDirective), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => DateInputDirective), multi: true },
  ],
})
export class DateInputDirective implements ControlValueAccessor, Validator, OnChanges {
  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef);
  private readonly renderer = inject(Renderer2);
  readonly isoValue = input<string | null | undefined>(undefined, { alias: 'isoValue' });
  readonly minIso = input<string | null | undefined>(null, { alias: 'min' });
  readonly maxIso = input<string | null | undefined>(null, { alias: 'max' });
  readonly isoChange = output<string>();
  private unreadable = false;
  private current: string | null = null;
  private onChange: (value: string | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  /** Without a form control the page drives the value through [isoValue]. */
  ngOnChanges(): void {
    const iso = this.isoValue();
    if (iso !== undefined && iso !== this.current) this.writeValue(iso);
  }

  writeValue(value: string | null): void {
    this.unreadable = false;
    this.current = value ?? null;
    this.show(isoToDisplay(value));
  }

  registerOnChange(fn: (value: string | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.renderer.setProperty(this.element.nativeElement, 'disabled', disabled);
  }

  validate(_control: AbstractControl): ValidationErrors | null {
    if (this.unreadable) return { date: true };
    const min = this.minIso();
    const max = this.maxIso();
    if (this.current && min && this.current < min) return { dateMin: { min: isoToDisplay(min) } };
    if (this.current && max && this.current > max) return { dateMax: { max: isoToDisplay(max) } };
    return null;
  }

  protected typed(field: HTMLInputElement): void {
    const masked = maskDateTyping(field.value);
    if (masked !== field.value) this.show(masked);
    const parsed = displayToIso(masked);
    this.unreadable = !parsed.ok;
    this.current = parsed.ok ? parsed.iso : null;
    this.onChange(this.current);
  }

  protected left(): void {
    const parsed = displayToIso(this.element.nativeElement.value);
    if (parsed.ok) {
      this.show(isoToDisplay(parsed.iso));
      if (parsed.iso) this.isoChange.emit(parsed.iso);
    }
    this.onTouched();
  }

  private show(text: string): void {
    this.renderer.setProperty(this.element.nativeElement, 'value', text);
  }
}
