import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AccountSummary, DEFAULT_PAGE_SIZE } from '@emis/contracts';
import { ROLES } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  debounceUntilLeaving,
} from '@emis/web/core';
import { PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged, map } from 'rxjs';
import { AccountsApi } from '../data-access/accounts.api';
import { AccountCommand } from '../feature-account-detail/account-actions';
import { AccountCommandDialogComponent } from '../feature-account-detail/account-command-dialog.component';
import { ACCOUNT_STATUSES, accountListRequest, hasFilters } from './account-filters';

const SEARCH_DEBOUNCE_MS = 300;

/** The accounts in the caller's scope; the filters live in the URL, so the home page links straight to a filter. */
@Component({
  selector: 'emis-account-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    PaginatorComponent,
    AccountCommandDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-list.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class AccountListPage {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly q = input<string>();
  readonly unitId = input<string>();
  readonly role = input<string>();
  readonly status = input<string>();
  readonly withoutMfa = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly roles = ROLES;
  protected readonly statuses = ACCOUNT_STATUSES;
  protected readonly canManage = computed(() => this.auth.can('accounts.manage'));
  protected readonly canSetPolicy = computed(() => this.auth.can('accounts.policy'));
  protected readonly selfId = computed(() => this.auth.user()?.id);
  /** Units below the caller's own, for the unit filter (a school's principal has none to pick). */
  protected readonly units = computed(() =>
    this.orgUnits.tree().filter((node) => node.id !== this.auth.user()?.orgUnitId),
  );
  protected readonly search = new FormControl('', { nonNullable: true });

  protected readonly request = computed(() =>
    accountListRequest({
      q: this.q(),
      unitId: this.unitId(),
      role: this.role(),
      status: this.status(),
      withoutMfa: this.withoutMfa(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
  );
  protected readonly filtered = computed(() => hasFilters(this.request()));
  protected readonly result = loadOnChange(this.request, (request) => this.api.list(request));

  protected readonly target = signal<AccountSummary | null>(null);
  protected readonly command = signal<AccountCommand | null>(null);
  protected readonly done = signal<AccountCommand | null>(null);

  constructor() {
    this.orgUnits
      .loadTree()
      .pipe(takeUntilDestroyed())
      .subscribe({ error: () => undefined });
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (this.search.value.trim() !== q.trim()) this.search.setValue(q, { emitEvent: false });
      });
    });
    this.search.valueChanges
      .pipe(
        debounceUntilLeaving(SEARCH_DEBOUNCE_MS),
        map((v) => v.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== (this.q() ?? '').trim()) this.navigate({ q: q || null, page: null }, true);
      });
  }

  protected changeFilter(name: 'unitId' | 'role' | 'status', event: Event): void {
    this.navigate({ [name]: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected toggleWithoutMfa(event: Event): void {
    this.navigate({ withoutMfa: (event.target as HTMLInputElement).checked ? 'true' : null, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, unitId: null, role: null, status: null, withoutMfa: null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected open(account: AccountSummary, command: AccountCommand): void {
    this.done.set(null);
    this.target.set(account);
    this.command.set(command);
  }

  protected finished(command: AccountCommand): void {
    this.done.set(command);
    this.result.reload();
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
