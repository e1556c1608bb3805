import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { LanguageService } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'emis-language-toggle',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .lang-toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.125rem;
      padding: 0.2rem;
      border-radius: 999px;
      border: 1px solid var(--border-strong);
      background: var(--surface);
      color: var(--text);
      font: inherit;
      font-size: 0.8125rem;
      font-weight: 600;
      cursor: pointer;
      min-height: 2.25rem;
    }
    .lang-toggle:hover {
      border-color: var(--primary);
    }
    .lang {
      padding: 0.25rem 0.55rem;
      border-radius: 999px;
      color: var(--text-muted);
    }
    .lang.active {
      background: var(--primary);
      color: var(--on-primary);
    }
  `,
  template: `
    <!-- The name starts with the letters shown (WCAG 2.5.3, label in name): a voice user says "VI EN". -->
    <button type="button" class="lang-toggle" data-testid="lang-toggle" (click)="languages.toggle()">
      <span class="lang" [class.active]="languages.language() === 'vi'">VI</span>
      <span class="lang" [class.active]="languages.language() === 'en'">EN</span>
      <span class="visually-hidden">{{ 'language.switchTo' | transloco: { language: targetName() } }}</span>
    </button>
  `,
})
export class LanguageToggleComponent {
  protected readonly languages = inject(LanguageService);
  /** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
  protected readonly targetName = computed(() => (this.languages.language() === 'vi' ? 'English' : 'Tiếng Việt'));
}
