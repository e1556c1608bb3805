import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { OrgUnitContext } from '@emis/web/core';
import { SchoolReportPage } from '../feature-school/school-report.page';
import { UnitReportPage } from '../feature-unit/unit-report.page';

/**
 * /reports — the caller's home: the dashboard of the unit picked in the shell's switcher (the department's or a unit's
 * "at a glance"), or, for a school (a principal, or a school picked in the switcher), the school against the province.
 * Also shown on the app's home page for the roles that read reports (`embedded`).
 */
@Component({
  selector: 'emis-reports-home',
  imports: [UnitReportPage, SchoolReportPage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (unit(); as u) {
      @if (u.kind === 'SCHOOL') {
        <emis-school-report-page [schoolId]="u.id" [embedded]="embedded()" />
      } @else {
        <emis-unit-report-page [orgUnitId]="u.id" [embedded]="embedded()" />
      }
    }
  `,
})
export class ReportsHomePage {
  protected readonly unit = inject(OrgUnitContext).currentUnit;
  readonly embedded = input(false);
}
