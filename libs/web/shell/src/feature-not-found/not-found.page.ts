import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'emis-not-found-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="empty-state empty-state-page" data-testid="not-found">
      <p class="empty-code" aria-hidden="true">404</p>
      <h1 class="page-title">{{ 'notFound.title' | transloco }}</h1>
      <p>{{ 'notFound.text' | transloco }}</p>
      <a routerLink="/" class="btn btn-primary">{{ 'notFound.home' | transloco }}</a>
    </section>
  `,
})
export class NotFoundPage {}
