import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

export interface FieldMessage {
  /** The server's own localized message, when it sent one for this field. */
  message: string | null;
  key: string | null;
  params: Record<string, unknown>;
}

/** The message under a field: a translation key from the browser's check, or the server's localized text. */
@Component({
  selector: 'emis-field-error',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'field-error',
    'aria-live': 'polite',
    '[id]': 'fieldId() + "-error"',
    '[attr.data-testid]': 'fieldId() + "-error"',
  },
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    @if (error(); as e) {
      @if (e.key) {
        {{ e.key | transloco: e.params }}
      } @else {
        {{ e.message }}
      }
    }
  `,
})
export class FieldErrorComponent {
  readonly fieldId = input.required<string>();
  readonly error = input<FieldMessage | null>(null);
}
