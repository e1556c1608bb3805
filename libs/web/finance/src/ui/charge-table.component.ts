import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Charge } from '@emis/contracts';
import { FEE_RULE_CODES, FeeRuleCode } from '@emis/domain';
import { DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Charges with the whole computation on one line: fee − exemption − support − reimbursed by the state = due;
 * due + adjustments − paid = outstanding. Used by the charges list (with the pupil) and a pupil's account.
 */
@Component({
  selector: 'emis-charge-table',
  imports: [RouterLink, TranslocoPipe, DongPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './finance-page.css',
  template: `
    <div class="table-wrap">
      <table class="table" data-testid="charges-table">
        <thead>
          <tr>
            @if (showPupil()) {
              <th scope="col">{{ 'finance.collection.fields.class' | transloco }}</th>
              <th scope="col">{{ 'finance.collection.fields.pupil' | transloco }}</th>
            }
            <th scope="col">{{ 'finance.collection.fields.feeName' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.list' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.relief' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.support' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.reimbursed' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.due' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.adjusted' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.paid' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.outstanding' | transloco }}</th>
            <th scope="col">{{ 'finance.collection.fields.rule' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of charges(); track c.id) {
            <tr data-testid="charge-row" [attr.data-student]="c.studentCode">
              @if (showPupil()) {
                <td>{{ c.className }}</td>
                <td>
                  <a [routerLink]="['/finance/pupils', c.studentId]">{{ c.studentName }}</a>
                  <span class="muted"> · {{ c.studentCode }}</span>
                </td>
              }
              <td>{{ c.feeName }}</td>
              <td class="num">{{ c.listAmount | emisDong }}</td>
              <td class="num">
                {{ c.reliefAmount | emisDong }}
                @if (c.reliefPercent) {
                  <span class="muted">({{ c.reliefPercent }} %)</span>
                }
              </td>
              <td class="num">{{ c.supportAmount | emisDong }}</td>
              <td class="num">{{ c.reimbursedAmount | emisDong }}</td>
              <td class="num">{{ c.dueAmount | emisDong }}</td>
              <td class="num">{{ c.adjusted | emisDong }}</td>
              <td class="num">{{ c.paid | emisDong }}</td>
              <td class="num" data-testid="charge-outstanding">{{ c.outstanding | emisDong }}</td>
              <td>{{ isRuleCode(c.rule) ? ('finance.collection.rule.' + c.rule | transloco) : c.rule }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class ChargeTableComponent {
  readonly charges = input.required<readonly Charge[]>();
  readonly showPupil = input(true);

  /** The rule arrives as its code; anything else (an older charge's words) is shown as it came. */
  protected isRuleCode(rule: string): rule is FeeRuleCode {
    return (FEE_RULE_CODES as readonly string[]).includes(rule);
  }
}
