import { Directive, ElementRef, forwardRef, inject, Renderer2 } from '@angular/core';
import {
  AbstractControl,
  ControlValueAccessor,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  ValidationErrors,
  Validator,
} from '@angular/forms';
import { groupDong, parseDong } from './dong';

/**
 * A text input holding whole đồng for a `FormControl<number | null>`: the official types "25.000.000" or "25000000",
 * the control gets 25000000, and the text is regrouped when the field is left. Text that is no amount leaves the
 * control null and fails with { dong: true }, so the form never sends a guess.
 */
@Directive({
  selector: 'input[emisDongInput]',
  host: {
    inputmode: 'numeric',
    autocomplete: 'off',
    '(input)': 'typed($any($event.target).value)',
    '(blur)': 'left()',
  },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DongInputDirective), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => DongInputDirective), multi: true },
  ],
})
export class DongInputDirective implements ControlValueAccessor, Validator {
  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef);
  private readonly renderer = inject(Renderer2);
  private unreadable = false;
  private onChange: (value: number | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: number | null): void {
    this.unreadable = false;
    this.show(groupDong(value ?? null));
  }

  registerOnChange(fn: (value: number | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.renderer.setProperty(this.element.nativeElement, 'disabled', disabled);
  }

  validate(_control: AbstractControl): ValidationErrors | null {
    return this.unreadable ? { dong: true } : null;
  }

  protected typed(text: string): void {
    const parsed = parseDong(text);
    this.unreadable = !parsed.ok;
    this.onChange(parsed.ok ? parsed.value : null);
  }

  protected left(): void {
    const parsed = parseDong(this.element.nativeElement.value);
    if (parsed.ok) this.show(groupDong(parsed.value));
    this.onTouched();
  }

  private show(text: string): void {
    this.renderer.setProperty(this.element.nativeElement, 'value', text);
  }
}
