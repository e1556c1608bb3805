import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SCHOOL_LEVELS } from '@emis/domain';
import {
  AuthStore,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  OrgUnitsApi,
  ProblemAlertComponent,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'emis-dashboard-page',
  imports: [RouterLink, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.css',
})
export class DashboardPage {
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly api = inject(OrgUnitsApi);

  protected readonly user = this.auth.user;
  protected readonly currentUnit = this.orgUnits.currentUnit;
  protected readonly canReadSchools = computed(() => this.auth.can('schools.read'));
  protected readonly summary = loadOnChange(
    () => (this.canReadSchools() ? { unit: this.orgUnits.selectedUnitId() } : undefined),
    () => this.api.scopeSummary(),
  );
  protected readonly levels = computed(() => {
    const summary = this.summary.value();
    return summary ? SCHOOL_LEVELS.map((level) => ({ level, count: summary.schoolsByLevel[level] ?? 0 })) : [];
  });
  /** Greeting by the hour in Vietnam, where the users are. */
  protected readonly greetingKey = computed(() => {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(),
      ),
    );
    return hour < 11
      ? 'dashboard.greetingMorning'
      : hour < 18
        ? 'dashboard.greetingAfternoon'
        : 'dashboard.greetingEvening';
  });
}
