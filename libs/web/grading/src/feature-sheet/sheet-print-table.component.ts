import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatEmisDate } from '@emis/web/ui';
import { cellText, COMMENT_KEY, GridRow, resultText, semester1Text, SheetContext } from './sheet-model';

interface PrintColumn {
  key: string;
  header: string;
  /** A narrow, centred figure column (scores, averages), or a text column. */
  figure: boolean;
}

/**
 * The grade sheet on paper (docs/domain/records.md, "Printing from the browser"): a plain table the browser
 * paginates itself — its header row repeated on every page (thead), no row cut across a page break — instead of the
 * grid, whose rows are absolutely placed boxes a printer slices at the page's edge. Shown only while printing, with
 * the values as they stand in the grid (saved or on their way); headings in Vietnamese, as official papers are.
 */
@Component({
  selector: 'emis-sheet-print-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="sheet-print-table" data-testid="print-sheet-table">
      <thead>
        <tr>
          @for (c of columns(); track c.key) {
            <th scope="col" [class.figure]="c.figure">{{ c.header }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.studentId) {
          <tr data-testid="print-sheet-row">
            @for (c of columns(); track c.key) {
              <td [class.figure]="c.figure">{{ text(row, c.key) }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class SheetPrintTableComponent {
  readonly context = input.required<SheetContext>();
  readonly rows = input.required<readonly GridRow[]>();

  protected readonly columns = computed<PrintColumn[]>(() => {
    const ctx = this.context();
    const averaged = ctx.subject.assessment === 'SCORE' && ctx.scheme !== 'C27';
    return [
      { key: 'ordinal', header: 'STT', figure: true },
      { key: 'fullName', header: 'Họ và tên', figure: false },
      { key: 'dateOfBirth', header: 'Ngày sinh', figure: true },
      ...ctx.columns.map((c) => ({ key: c.key, header: c.label, figure: true })),
      { key: 'result', header: averaged ? 'ĐTBmhk' : 'Đánh giá HK', figure: true },
      ...(ctx.semester === 2
        ? [
            { key: 'semester1', header: 'HK I', figure: true },
            { key: 'year', header: 'Cả năm', figure: true },
          ]
        : []),
      { key: COMMENT_KEY, header: 'Nhận xét', figure: false },
    ];
  });

  protected text(row: GridRow, key: string): string {
    switch (key) {
      case 'ordinal':
        return String(row.ordinal);
      case 'fullName':
        return row.fullName;
      case 'dateOfBirth':
        return formatEmisDate(row.dateOfBirth);
      case 'result':
        return resultText(row.result);
      case 'semester1':
        return semester1Text(row);
      case 'year':
        return row.year ? resultText(row.year) : '';
      case COMMENT_KEY:
        return row.comment;
      default:
        return cellText(row, key);
    }
  }
}
