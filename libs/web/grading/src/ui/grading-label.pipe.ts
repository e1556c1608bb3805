import { inject, Pipe, PipeTransform } from '@angular/core';
import { GRADING_LABELS } from '@emis/domain';
import { LanguageService } from '@emis/web/core';

/**
 * A grading code (TOT, GIOI, PROMOTE, HTXS…) in the interface language, from the domain's GRADING_LABELS — the same
 * words the Excel and PDF books print. Impure so a language switch shows at once; the lookup is a map read.
 */
@Pipe({ name: 'gradingLabel', pure: false })
export class GradingLabelPipe implements PipeTransform {
  private readonly language = inject(LanguageService).language;

  transform(code: string | null | undefined): string {
    if (!code) return '—';
    const label = GRADING_LABELS[code];
    return label ? label[this.language() === 'en' ? 'en' : 'vi'] : code;
  }
}
