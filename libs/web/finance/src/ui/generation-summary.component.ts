import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ChargeGeneration } from '@emis/contracts';
import { DongPipe, EmisNumberPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/** What a generation of charges did (or, for a dry run, would do): counts, then the sums in đồng. */
@Component({
  selector: 'emis-generation-summary',
  imports: [TranslocoPipe, EmisNumberPipe, DongPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './finance-page.css',
  template: `
    @let g = generation();
    <dl class="totals" [attr.data-testid]="testId()">
      <div>
        <dt>{{ 'finance.collection.periods.summary.pupils' | transloco }}</dt>
        <dd data-testid="generation-pupils">{{ g.pupils | emisNumber }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.created' | transloco }}</dt>
        <dd data-testid="generation-created">{{ g.created | emisNumber }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.corrected' | transloco }}</dt>
        <dd>{{ g.corrected | emisNumber }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.unchanged' | transloco }}</dt>
        <dd>{{ g.unchanged | emisNumber }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.list' | transloco }}</dt>
        <dd>{{ g.listAmount | emisDong }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.relief' | transloco }}</dt>
        <dd>{{ g.reliefAmount | emisDong }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.support' | transloco }}</dt>
        <dd>{{ g.supportAmount | emisDong }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.reimbursed' | transloco }}</dt>
        <dd>{{ g.reimbursedAmount | emisDong }}</dd>
      </div>
      <div>
        <dt>{{ 'finance.collection.periods.summary.due' | transloco }}</dt>
        <dd data-testid="generation-due">{{ g.dueAmount | emisDong }}</dd>
      </div>
    </dl>
  `,
})
export class GenerationSummaryComponent {
  readonly generation = input.required<ChargeGeneration>();
  readonly testId = input('generation-summary');
}
