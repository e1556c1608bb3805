import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { StatisticalSection } from '@emis/contracts';
import { formLabel, SECTION_DEFINITIONS } from '@emis/domain';
import { EmisNumberPipe } from '@emis/web/ui';

/** One section of a statistical form as a table: a line per row, a column per figure, the total line in bold. */
@Component({
  selector: 'emis-statistical-section-table',
  imports: [EmisNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h2 {
      font-size: 1.05rem;
      margin: 1.5rem 0 0.5rem;
    }
    td {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .total th,
    .total td {
      font-weight: 600;
    }
  `,
  template: `
    <h2 [id]="'section-' + section().code">{{ title() }}</h2>
    <div class="table-wrap">
      <table class="table" [attr.aria-labelledby]="'section-' + section().code" [attr.data-testid]="'section-' + section().code">
        <thead>
          <tr>
            <th scope="col">{{ lineHeading() }}</th>
            @for (column of section().columns; track column) {
              <th scope="col">{{ label(column) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (line of section().lines; track line.code) {
            <tr [class.total]="line.code === 'TOTAL'" [attr.data-line]="line.code">
              <th scope="row">{{ label(line.code) }}</th>
              @for (column of section().columns; track column) {
                <td [attr.data-column]="column">{{ line.values[column] | emisNumber }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class StatisticalSectionTableComponent {
  readonly section = input.required<StatisticalSection>();
  readonly lang = input<'vi' | 'en'>('vi');
  readonly lineHeading = input('');

  protected readonly title = computed(
    () => SECTION_DEFINITIONS[this.section().code]?.title[this.lang()] ?? this.section().code,
  );

  protected label(code: string): string {
    return formLabel(code, this.lang());
  }
}
