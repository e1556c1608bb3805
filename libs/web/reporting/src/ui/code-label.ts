import { inject, Pipe, PipeTransform } from '@angular/core';
import { GRADING_LABELS } from '@emis/domain';
import { LanguageService } from '@emis/web/core';

/** A grading code (TOT, GIOI, PROMOTE, HTXS…) in the language given, from the domain's labels; unknown codes as is. */
export function codeLabel(code: string, language: string): string {
  const label = GRADING_LABELS[code];
  return label ? label[language === 'en' ? 'en' : 'vi'] : code;
}

/** The same in templates; impure so a language switch shows at once (the lookup is a map read). */
@Pipe({ name: 'codeLabel', pure: false })
export class CodeLabelPipe implements PipeTransform {
  private readonly language = inject(LanguageService).language;

  transform(code: string): string {
    return codeLabel(code, this.language());
  }
}
