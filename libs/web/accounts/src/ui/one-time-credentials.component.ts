import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { OneTimeCredential } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CredentialSheetFormat } from '../data-access/accounts.api';

/**
 * One-time passwords, shown once: the API keeps only their hashes (docs/domain/accounts.md, "One-time passwords").
 * With a sheet token the administrator downloads the printable sheet or the workbook (10 minutes); the page that owns
 * the token does the download.
 */
@Component({
  selector: 'emis-one-time-credentials',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .password {
      font-family: var(--font-mono);
      font-size: 0.9375rem;
      letter-spacing: 0.04em;
      white-space: nowrap;
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.75rem 0;
    }
  `,
  template: `
    <div class="alert alert-warning" role="alert" data-testid="credentials-warning">
      <p class="alert-title">{{ 'accounts.credentials.warning' | transloco }}</p>
      <p class="alert-detail">{{ 'accounts.credentials.firstSignIn' | transloco }}</p>
    </div>
    @if (sheetToken()) {
      <div class="downloads">
        <button
          type="button"
          class="btn btn-primary"
          [disabled]="downloading()"
          (click)="download.emit('pdf')"
          data-testid="credentials-print"
        >
          {{ 'accounts.credentials.print' | transloco }}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          [disabled]="downloading()"
          (click)="download.emit('xlsx')"
          data-testid="credentials-excel"
        >
          {{ (downloading() ? 'accounts.credentials.downloading' : 'accounts.credentials.excel') | transloco }}
        </button>
      </div>
      <p class="muted">{{ 'accounts.credentials.sheetExpiry' | transloco }}</p>
    }
    <div class="table-wrap">
      <table class="table" data-testid="credentials-table">
        <caption class="visually-hidden">
          {{
            'accounts.credentials.title' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'accounts.columns.name' | transloco }}</th>
            <th scope="col">{{ 'accounts.columns.username' | transloco }}</th>
            <th scope="col">{{ 'accounts.columns.role' | transloco }}</th>
            <th scope="col">{{ 'accounts.credentials.password' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (credential of credentials(); track credential.accountId) {
            <tr data-testid="credential-row" [attr.data-username]="credential.username">
              <th scope="row">{{ credential.fullName }}</th>
              <td class="password" data-testid="credential-username">{{ credential.username }}</td>
              <td>{{ 'roles.' + credential.role | transloco }}</td>
              <td class="password" data-testid="credential-password">{{ credential.oneTimePassword }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class OneTimeCredentialsComponent {
  readonly credentials = input.required<readonly OneTimeCredential[]>();
  /** The bulk step's download token; absent for a single account (the password is read off the screen). */
  readonly sheetToken = input<string | null>(null);
  readonly downloading = input(false);
  readonly download = output<CredentialSheetFormat>();
}
