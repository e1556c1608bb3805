import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  forwardRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { GradeSheet } from '@emis/contracts';
import { formatCell, GradeColumn, RatingCode } from '@emis/domain';
import { PendingChanges } from '@emis/web/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { GradingApi } from '../data-access/grading.api';
import { cellText, COMMENT_KEY, GridRow, resultText, SheetContext, toGridRow } from './sheet-model';
import { SheetMessagesComponent } from './sheet-messages.component';
import { SheetSaveStateComponent } from './sheet-save-state.component';
import { SheetSession } from './sheet-session';
import { FocusedCell, SheetView } from './sheet-view';
import { columnLock, LockedColumn } from './sheet-locks';

/** One line of the list: the pupil and what the chosen column shows for them. */
interface PhoneLine {
  row: GridRow;
  text: string;
  error: string | undefined;
  conflict: boolean;
  result: string;
}

/**
 * The grade sheet on a phone (docs/domain/gradebook.md "Entering scores on a phone"): one column at a time down the
 * class. Each line carries the pupil's number and name beside the input, so whose score it is never scrolls away; a
 * tap on the input edits it, with the numeric keypad (inputmode decimal) and Enter moving to the next pupil, the way
 * a teacher copies one test's 45 scores from the marked papers in class order. Ratings (Đ/CĐ) are buttons. Typing,
 * autosave and conflicts are the grid's (SheetSession, SheetAutosave and the sheet model).
 */
@Component({
  selector: 'emis-phone-sheet',
  imports: [TranslocoPipe, SheetSaveStateComponent, SheetMessagesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './phone-sheet.component.html',
  styleUrl: './phone-sheet.component.css',
  providers: [{ provide: SheetView, useExisting: forwardRef(() => PhoneSheetComponent) }],
})
export class PhoneSheetComponent implements SheetView {
  private readonly api = inject(GradingApi);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly schoolId = input.required<string>();
  readonly sheet = input.required<GradeSheet>();
  readonly context = input.required<SheetContext>();
  readonly editable = input.required<boolean>();
  readonly lockedMeanwhile = output<void>();

  private readonly rows = computed(() => this.sheet().rows.map((row) => toGridRow(this.context(), row)));
  private readonly rowsById = computed(() => new Map(this.rows().map((row) => [row.studentId, row])));
  protected readonly chosenKey = signal<string | null>(null);
  protected readonly columns = computed(() => this.context().columns);
  protected readonly column = computed<GradeColumn | null>(() => {
    const key = this.chosenKey();
    const columns = this.columns();
    return key === COMMENT_KEY ? null : (columns.find((c) => c.key === key) ?? columns[0] ?? null);
  });
  protected readonly key = computed(() => this.column()?.key ?? COMMENT_KEY);
  /** Columns a 423 answer said the principal locked after the sheet was loaded. */
  private readonly lockedLater = signal<LockedColumn[]>([]);
  /** The chosen column's lock, as the grid shows it: 🔒 above the list, read-only inputs, the principal's reason. */
  protected readonly lock = computed(() => this.lockOf(this.key()) ?? null);
  /** The chosen column takes input: the sheet is editable and the principal has not locked that column. */
  protected readonly writable = computed(() => this.editable() && !this.lock());
  // The session bumps its revision whenever a row changed in place (typing, a save's answer, a conflict).
  protected readonly lines = computed<PhoneLine[]>(() => {
    this.session.revision();
    const key = this.key();
    return this.rows().map((row) => ({
      row,
      text: key === COMMENT_KEY ? row.comment : cellText(row, key),
      error: this.session.errorText(row, key),
      conflict: key in row.conflicts,
      result: resultText(row.result),
    }));
  });
  protected readonly filled = computed(() => {
    this.session.revision();
    const key = this.key();
    return this.rows().filter((row) =>
      key === COMMENT_KEY ? row.comment.trim() !== '' : row.values[key] !== null && row.values[key] !== undefined,
    ).length;
  });

  readonly session = new SheetSession({
    context: () => this.context(),
    rows: () => this.rowsById(),
    send: (body) =>
      this.api.saveSheet(this.schoolId(), this.sheet().classId, this.sheet().semester, this.sheet().subjectCode, body),
    // The list reads the session's revision: nothing else to repaint.
    repaint: () => undefined,
    lockedMeanwhile: () => this.lockedMeanwhile.emit(),
    columnsLocked: (columns) => this.lockedLater.set(columns),
    translate: (key, params) => this.transloco.translate(key, params),
    // The input with the focus holds text its change event has not brought yet (Back pressed while typing): the leave
    // guard counts it and the flush commits it (docs/domain/gradebook.md, "Leaving a page").
    editor: {
      open: () => this.typedText() !== null,
      commit: () => {
        const typing = this.typing;
        const row = typing ? this.rowsById().get(typing.studentId) : undefined;
        const text = this.typedText();
        if (!typing || !row || text === null) return;
        // Committed once: the text now is the session's (in its own formatting, which may differ from the typed). The
        // input keeps the focus and stays watched — the departure may not happen (the user stays after a question,
        // or a Forward cancels it), and what is typed next must count again.
        typing.committed = text;
        this.commit(row, text);
      },
    },
  });
  /**
   * The input being typed into, from its focus to its blur. Its pupil is kept by id: the sheet's rows may be read
   * again meanwhile (a reload), and the text belongs to the row the session holds now.
   */
  private typing: { studentId: string; key: string; input: HTMLInputElement; committed: string | null } | null = null;
  protected readonly commentKey = COMMENT_KEY;
  /** The pupil whose input has the focus, for the page's history and correction actions. */
  readonly focused = signal<FocusedCell | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.session.destroy());
  }

  /** For the leave guard (docs/domain/gradebook.md, "Leaving a page"): the session's count, as the desktop grid's. */
  pendingChanges(): PendingChanges {
    return this.session.pendingChanges();
  }

  /** Sends and awaits every pending save before the page is left. */
  flush(): Promise<boolean> {
    return this.session.flush();
  }

  protected choose(key: string): void {
    this.chosenKey.set(key);
    this.focused.set(null);
  }

  /** Whether a column is locked, for its option in the column list. */
  protected isLocked(key: string): boolean {
    return !!this.lockOf(key);
  }

  /** The principal's lock of a column: as the sheet was loaded, or as a 423 answer named it since. */
  private lockOf(key: string): LockedColumn | undefined {
    return columnLock(this.sheet().lockedColumns, this.lockedLater(), key);
  }

  /** Text in the focused input that differs from what the session holds for that cell; null when there is none. */
  private typedText(): string | null {
    const typing = this.typing;
    if (!typing || !typing.input.isConnected || !this.writable() || typing.key !== this.key()) return null;
    const row = this.rowsById().get(typing.studentId);
    if (!row || typing.input.value === typing.committed) return null;
    const held = typing.key === COMMENT_KEY ? row.comment : cellText(row, typing.key);
    return typing.input.value === held ? null : typing.input.value;
  }

  protected onInputFocus(event: FocusEvent, row: GridRow): void {
    this.typing = {
      studentId: row.studentId,
      key: this.key(),
      input: event.target as HTMLInputElement,
      committed: null,
    };
    this.onFocus(row);
  }

  protected onInputBlur(): void {
    this.typing = null;
  }

  protected onFocus(row: GridRow): void {
    const key = this.key();
    this.focused.set({
      studentId: row.studentId,
      fullName: row.fullName,
      key,
      label: this.column()?.label ?? this.transloco.translate<string>('grading.sheet.columns.comment'),
      value: key === COMMENT_KEY ? row.comment : formatCell(row.values[key]),
    });
  }

  /** The input lost the focus or Enter was pressed: the text goes through the domain, a valid change is saved. */
  protected commit(row: GridRow, text: string): void {
    if (!this.writable()) return;
    this.session.input(row, this.key(), text);
  }

  /** Enter: keep the value and move to the next pupil's input (the keypad's "next" key does the same). */
  protected next(event: Event, row: GridRow, index: number): void {
    event.preventDefault();
    this.commit(row, (event.target as HTMLInputElement).value);
    const inputs = this.host.nativeElement.querySelectorAll<HTMLInputElement>('input[data-testid="phone-input"]');
    const following = inputs.item(index + 1);
    if (following) {
      following.focus();
      following.select();
    } else (event.target as HTMLInputElement).blur();
  }

  protected rate(row: GridRow, code: RatingCode): void {
    this.commit(row, formatCell(code));
  }

  protected isRated(row: GridRow, code: string): boolean {
    return row.values[this.key()] === code;
  }
}
