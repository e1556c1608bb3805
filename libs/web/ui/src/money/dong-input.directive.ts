import { Directive, forwardRef } from '@angular/core';
import { NG_VALIDATORS, NG_VALUE_ACCESSOR } from '@angular/forms';
import { ParsedTextInput, ParsedText } from '../form/parsed-text-input';
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
export class DongInputDirective extends ParsedTextInput<number> {
  protected override readonly unreadableError = 'dong';

  protected override parse(text: string): ParsedText<number> {
    return parseDong(text);
  }

  protected override format(value: number | null): string {
    return groupDong(value);
  }
}
