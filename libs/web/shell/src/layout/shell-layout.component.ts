import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore, LeaveDialogComponent, LeaveGuard, OrgUnitContext } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { ClosedSchoolBannerComponent } from './closed-school-banner.component';
import { LanguageToggleComponent } from './language-toggle.component';
import { NotificationBellComponent } from './notification-bell.component';
import { allowed, NAVIGATION } from './navigation';
import { OrgSwitcherComponent } from './org-switcher.component';

@Component({
  selector: 'emis-shell-layout',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoPipe,
    LanguageToggleComponent,
    OrgSwitcherComponent,
    ClosedSchoolBannerComponent,
    NotificationBellComponent,
    LeaveDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.component.html',
  styleUrl: './shell-layout.component.css',
  host: { '(keydown.escape)': 'navOpen.set(false)' },
})
export class ShellLayoutComponent {
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly router = inject(Router);
  private readonly leaveGuard = inject(LeaveGuard);
  private readonly document = inject(DOCUMENT);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly sideNav = viewChild.required<ElementRef<HTMLElement>>('sideNav');

  protected readonly user = this.auth.user;
  protected readonly currentUnit = this.orgUnits.currentUnit;
  protected readonly canSwitchUnit = computed(() => this.auth.can('org.switch'));
  protected readonly navigation = computed(() =>
    NAVIGATION.filter((entry) => allowed(entry, (permission) => this.auth.can(permission))),
  );
  protected readonly initials = computed(() => {
    const words = (this.user()?.fullName ?? '').trim().split(/\s+/).filter(Boolean);
    const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
    return letters.map((word) => word[0]?.toUpperCase() ?? '').join('');
  });
  protected readonly navOpen = signal(false);
  protected readonly signingOut = signal(false);

  constructor() {
    // The switcher's names, and the check that a unit picked before a reload is still in scope.
    if (this.canSwitchUnit()) this.orgUnits.loadTree().subscribe({ error: () => undefined });
    // The session can end under the page (refresh cookie expired, signed out in another tab).
    effect(() => {
      if (!this.auth.isSignedIn() && !this.signingOut()) {
        void this.router.navigate(['/login'], { queryParams: { returnUrl: this.router.url } });
      }
    });
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        this.navOpen.set(false);
        // After choosing a page in the navigation, continue reading from the new page, not from the menu.
        if (this.sideNav().nativeElement.contains(this.document.activeElement)) {
          this.main().nativeElement.focus({ preventScroll: true });
        }
      });
  }

  protected skipToMain(event: Event): void {
    // A plain #main link would resolve against <base href> and leave the page.
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** Pending saves go out first; unsaved or invalid values are the user's decision before the session ends. */
  protected async logout(): Promise<void> {
    this.signingOut.set(true);
    if (!(await this.leaveGuard.mayLeaveAll())) {
      this.signingOut.set(false);
      return;
    }
    this.orgUnits.select(null);
    this.auth.logout().subscribe({
      complete: () => void this.router.navigateByUrl('/login'),
    });
  }
}
