import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, Type } from '@angular/core';
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
import { HOME_PANELS } from './home-panels';

@Component({
  selector: 'emis-dashboard-page',
  imports: [NgComponentOutlet, RouterLink, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
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
  /** Features' panels for this role (the department's and a school's report dashboards), loaded on first view. */
  protected readonly panels = signal<{ component: Type<unknown>; inputs: Record<string, unknown> }[]>([]);
  protected readonly summary = loadOnChange(
    () => (this.canReadSchools() ? { unit: this.orgUnits.selectedUnitId() } : undefined),
    () => this.api.scopeSummary(),
  );
  protected readonly levels = computed(() => {
    const summary = this.summary.value();
    return summary ? SCHOOL_LEVELS.map((level) => ({ level, count: summary.schoolsByLevel[level] ?? 0 })) : [];
  });
  constructor() {
    const allowed = inject(HOME_PANELS)
      .filter((panel) => this.auth.can(panel.permission))
      .map((panel, i) => ({ panel, i }))
      .sort((a, b) => (a.panel.order ?? 0) - (b.panel.order ?? 0) || a.i - b.i)
      .map(({ panel }) => panel);
    void Promise.all(
      allowed.map(async (panel) => ({ component: await panel.load(), inputs: panel.inputs ?? {} })),
    ).then((loaded) => this.panels.set(loaded));
  }

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
