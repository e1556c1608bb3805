import { DestroyRef, inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, of, switchMap } from 'rxjs';

/** Route titles are translation keys; the document title follows the language switch too. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly titleKey = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    const title = inject(Title);
    const transloco = inject(TranslocoService);
    const subscription = this.titleKey
      .pipe(switchMap((key) => (key ? transloco.selectTranslate<string>(key) : of(''))))
      .subscribe((text) => title.setTitle(text ? `${text} · Emis` : 'Emis'));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.titleKey.next(this.buildTitle(snapshot));
  }
}
