import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AssetInventory, InventoryLine, ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';
import { InventoryFile, OperationsApi } from '../data-access/operations.api';
import { InventoryStatusBadgeComponent } from '../ui/inventory-status-badge.component';
import { InventoryApproveDialogComponent } from './approve-dialog.component';
import { ChecklistImportComponent } from './checklist-import.component';
import { InventoryCloseDialogComponent } from './close-dialog.component';
import {
  countedLines,
  differencesOf,
  filterLines,
  LineShow,
  lineForScan,
  NO_ROOM,
  parseScannedCode,
  roomTallies,
} from './inventory-lines';
import { InventoryLineComponent } from './inventory-line.component';
import { SurplusDialogComponent } from './surplus-dialog.component';

type ScanFeedback =
  { kind: 'counted'; line: InventoryLine; elsewhere: InventoryLine['location'] } | { kind: 'notFound'; code: string };

type Dialog = 'surplus' | 'close' | 'approve';

const SHOWS: readonly LineShow[] = ['ALL', 'UNCOUNTED', 'DIFFERENCES'];

const DOWNLOAD_KEYS: Record<InventoryFile, string> = {
  'checklist.xlsx': 'checklistXlsx',
  'checklist.pdf': 'checklistPdf',
  'report.xlsx': 'reportXlsx',
  'report.pdf': 'reportPdf',
};

/**
 * One inventory: the count screen while it is open (rooms, search, a scan field that counts one more per code, each
 * line's count and condition), then its sign-off — closing with the committee, approval with the differences listed
 * — and its files: the checklists per room and the report, in Excel and PDF.
 */
@Component({
  selector: 'emis-inventory-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    InventoryStatusBadgeComponent,
    InventoryLineComponent,
    ChecklistImportComponent,
    SurplusDialogComponent,
    InventoryCloseDialogComponent,
    InventoryApproveDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inventory.page.html',
  styleUrl: './inventory.page.css',
})
export class InventoryPage {
  private readonly api = inject(OperationsApi);
  private readonly register = inject(AssetsApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** The route's :inventoryId. */
  readonly inventoryId = input.required<string>();

  protected readonly inventory = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, inventoryId: this.inventoryId() } : undefined;
    },
    ({ schoolId, inventoryId }) => this.api.inventory(schoolId, inventoryId),
  );

  protected readonly shows = SHOWS;
  protected readonly downloadFiles = Object.keys(DOWNLOAD_KEYS) as InventoryFile[];
  protected readonly downloadKey = DOWNLOAD_KEYS;
  protected readonly noRoom = NO_ROOM;
  protected readonly roomId = signal('');
  protected readonly query = signal('');
  protected readonly show = signal<LineShow>('ALL');

  protected readonly lines = computed(() => this.inventory.value()?.lines ?? []);
  protected readonly rooms = computed(() => roomTallies(this.lines()));
  protected readonly hasLinesWithoutRoom = computed(() => this.lines().some((line) => line.location === null));
  protected readonly shown = computed(() =>
    filterLines(this.lines(), { locationId: this.roomId(), query: this.query(), show: this.show() }),
  );
  protected readonly counted = computed(() => countedLines(this.lines()));
  protected readonly differences = computed(() => differencesOf(this.lines()));
  protected readonly chosenRoom = computed(() => this.rooms().find((room) => room.id === this.roomId()) ?? null);

  protected readonly canCount = computed(
    () => this.inventory.value()?.status === 'OPEN' && this.auth.can('assets.manage'),
  );
  protected readonly canApprove = computed(
    () => this.inventory.value()?.status === 'CLOSED' && this.auth.can('assets.approve'),
  );
  /** The rooms a surplus may be found in: only needed while counting. */
  protected readonly locations = loadOnChange(
    () => (this.canCount() ? (this.schoolId() ?? undefined) : undefined),
    (schoolId) => this.register.locations(schoolId),
  );

  protected readonly dialog = signal<Dialog | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly scanning = signal(false);
  protected readonly feedback = signal<ScanFeedback | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly downloading = signal<InventoryFile | null>(null);

  /** Replaces a line with the server's answer and keeps the inventory's tally in step. */
  protected replaceLine(updated: InventoryLine): void {
    const inventory = this.inventory.value();
    if (!inventory?.lines) return;
    const known = inventory.lines.some((line) => line.id === updated.id);
    const lines = known
      ? inventory.lines.map((line) => (line.id === updated.id ? updated : line))
      : [...inventory.lines, updated];
    this.inventory.set({ ...inventory, lines, lineCount: lines.length, countedCount: countedLines(lines) });
  }

  /** A scanner types the label's URL (or a person types a code) and Enter: one more of that asset is counted. */
  protected scan(field: HTMLInputElement): void {
    const typed = field.value.trim();
    const scanned = parseScannedCode(typed);
    const schoolId = this.schoolId();
    const inventory = this.inventory.value();
    if (!scanned || !schoolId || !inventory || this.scanning()) return;
    // The line's own code when the screen holds it; otherwise what was read, which the server resolves (a label's
    // URL included) or answers "not in this inventory".
    const code = lineForScan(this.lines(), scanned)?.code ?? typed;
    field.value = '';
    this.scanning.set(true);
    this.problem.set(null);
    this.api
      .scan(schoolId, inventory.id, code)
      .pipe(finalize(() => this.scanning.set(false)))
      .subscribe({
        next: (updated) => {
          this.replaceLine(updated);
          const room = this.roomId();
          const elsewhere = room !== '' && updated.location?.id !== room ? updated.location : null;
          this.feedback.set({ kind: 'counted', line: updated, elsewhere });
          field.focus();
        },
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 404) {
            this.feedback.set({ kind: 'notFound', code: typed });
          } else {
            this.feedback.set(null);
            this.problem.set(toProblem(error));
          }
          field.focus();
        },
      });
  }

  protected download(file: InventoryFile): void {
    const schoolId = this.schoolId();
    const inventory = this.inventory.value();
    if (!schoolId || !inventory) return;
    const perRoom = file.startsWith('checklist') && this.roomId() !== NO_ROOM ? this.roomId() || null : null;
    this.downloading.set(file);
    this.problem.set(null);
    this.api
      .download(schoolId, inventory.id, file, perRoom)
      .pipe(finalize(() => this.downloading.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, fallbackName(file, inventory.year)),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected openDialog(dialog: Dialog): void {
    this.message.set(null);
    this.dialog.set(dialog);
  }

  protected surplusAdded(line: InventoryLine): void {
    this.replaceLine(line);
    this.dialog.set(null);
    this.message.set('assets.operations.inventory.surplus.done');
  }

  /** After closing or approving, the inventory is read again: approval changes lines' book side too. */
  protected signedOff(inventory: AssetInventory, message: string): void {
    this.dialog.set(null);
    this.message.set(message);
    this.inventory.set({ ...inventory, lines: inventory.lines ?? this.lines() });
    this.inventory.reload();
  }
}

/** The file's name when the server sends none: "phieu-kiem-ke-2026.xlsx", "bien-ban-kiem-ke-2026.pdf". */
function fallbackName(file: InventoryFile, year: number): string {
  const [kind, extension] = file.split('.');
  return `${kind === 'checklist' ? 'phieu' : 'bien-ban'}-kiem-ke-${year}.${extension}`;
}
