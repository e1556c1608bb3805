import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/**
 * A translate function for computed signals (chart labels): reading it subscribes the computation to the active
 * language's translation, so the charts re-label when the language switches or the English texts arrive.
 * Call in an injection context.
 */
export function reportTexts(): (key: string, params?: Record<string, unknown>) => string {
  const transloco = inject(TranslocoService);
  const translation = toSignal(transloco.selectTranslation());
  return (key, params) => {
    translation();
    return transloco.translate(key, params);
  };
}
