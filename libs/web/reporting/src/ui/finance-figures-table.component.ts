import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FinanceFigures } from '@emis/contracts';
import { formatEmisNumber } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/** A unit or school of the finance report with its figures; a link drills down to its own finance page. */
export interface FinanceTableRow extends FinanceFigures {
  key: string;
  label: string;
  /** A school's own parent. */
  detail?: string;
  link?: string[];
  schools?: number;
}

/** The money columns, in the order of the workbook: what was listed, relieved, supported, reimbursed, owed, paid. */
const FIGURES: readonly (keyof FinanceFigures)[] = [
  'pupils',
  'listAmount',
  'reliefAmount',
  'supportAmount',
  'reimbursedAmount',
  'due',
  'paid',
  'outstanding',
  'budgetAvailable',
  'spent',
];

/**
 * Finance figures by unit or school, in whole đồng in the vi-VN format. A row with a link drills down, keeping the
 * filter.
 */
@Component({
  selector: 'emis-finance-figures-table',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="muted" data-testid="rows-empty">{{ 'reporting.finance.empty' | transloco }}</p>
    } @else {
      <div class="table-wrap">
        <table class="table nowrap-table" [attr.data-testid]="testId()">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ nameLabel() }}</th>
              @if (detailLabel(); as label) {
                <th scope="col">{{ label }}</th>
              }
              @if (showSchools()) {
                <th scope="col" class="num">{{ 'reporting.measures.schools' | transloco }}</th>
              }
              @for (figure of figures; track figure) {
                <th scope="col" class="num">{{ 'reporting.finance.' + figure | transloco }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.key) {
              <tr data-testid="finance-row" [attr.data-key]="row.key">
                <th scope="row">
                  @if (row.link) {
                    <a [routerLink]="row.link" [queryParams]="linkQuery()" data-testid="finance-row-link">{{
                      row.label
                    }}</a>
                  } @else {
                    {{ row.label }}
                  }
                </th>
                @if (detailLabel()) {
                  <td>{{ row.detail }}</td>
                }
                @if (showSchools()) {
                  <td class="num">{{ format(row.schools) }}</td>
                }
                @for (figure of figures; track figure) {
                  <td class="num" [attr.data-testid]="'finance-' + figure">{{ format(row[figure]) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './report-page.css',
})
export class FinanceFiguresTableComponent {
  readonly rows = input.required<readonly FinanceTableRow[]>();
  readonly nameLabel = input.required<string>();
  readonly detailLabel = input<string | null>(null);
  readonly showSchools = input(false);
  readonly caption = input('');
  readonly linkQuery = input<Record<string, string>>({});
  readonly testId = input('finance-figures');

  protected readonly figures = FIGURES;

  protected format(value: number | undefined): string {
    return formatEmisNumber(value);
  }
}
