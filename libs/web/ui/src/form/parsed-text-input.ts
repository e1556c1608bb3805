import { Directive, ElementRef, inject, Renderer2 } from '@angular/core';
import { AbstractControl, ControlValueAccessor, ValidationErrors, Validator } from '@angular/forms';

/** What a typed text reads as: a value (null for an empty field), or unreadable. */
export type ParsedText<T> = { ok: true; value: T | null } | { ok: false };

/**
 * The skeleton shared by the text inputs that hold a typed value rather than the text (whole đồng, a date typed
 * dd/mm/yyyy): the control gets the parsed value as the user types, text that reads as nothing leaves the control null
 * and fails with `{ [unreadableError]: true }` (so a form never sends a guess), and the text is shown in its clean
 * form once the field is left. A subclass says how to read and write its text, and adds its own host bindings.
 */
@Directive()
export abstract class ParsedTextInput<T> implements ControlValueAccessor, Validator {
  protected readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef);
  private readonly renderer = inject(Renderer2);
  /** The error key of text that reads as nothing: `dong`, `date`. */
  protected abstract readonly unreadableError: string;
  protected unreadable = false;
  /** The value the text reads as now (null: empty or unreadable). */
  protected current: T | null = null;
  private onChange: (value: unknown) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  protected abstract parse(text: string): ParsedText<T>;
  protected abstract format(value: T | null): string;

  writeValue(value: T | null): void {
    this.unreadable = false;
    this.current = value ?? null;
    this.show(this.format(this.current));
  }

  registerOnChange(fn: (value: unknown) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.renderer.setProperty(this.element.nativeElement, 'disabled', disabled);
  }

  validate(_control: AbstractControl): ValidationErrors | null {
    return this.unreadable ? { [this.unreadableError]: true } : null;
  }

  /** As the user types: the control follows the text (null while it reads as nothing). */
  protected typed(text: string): void {
    const parsed = this.parse(text);
    this.unreadable = !parsed.ok;
    this.current = parsed.ok ? parsed.value : null;
    this.onChange(this.toControl(this.current));
  }

  /** What the form control holds for a value read (null by default: empty or unreadable). */
  protected toControl(value: T | null): unknown {
    return value;
  }

  /** The field is left: readable text is shown in its clean form; the answer is what it read as. */
  protected left(): ParsedText<T> {
    const parsed = this.parse(this.element.nativeElement.value);
    if (parsed.ok) this.show(this.format(parsed.value));
    this.onTouched();
    return parsed;
  }

  protected show(text: string): void {
    this.renderer.setProperty(this.element.nativeElement, 'value', text);
  }
}
