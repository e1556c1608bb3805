import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** A field's error: a translation key, or the server's own message marked with a leading "!". */
@Component({
  selector: 'emis-field-message',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (message(); as m) {
    {{ m.startsWith('!') ? m.slice(1) : (m | transloco: params()) }}
  }`,
})
export class FieldMessageComponent {
  readonly message = input<string | null>(null);
  readonly params = input<Record<string, unknown>>({});
}
