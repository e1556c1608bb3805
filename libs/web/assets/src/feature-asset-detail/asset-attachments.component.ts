import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { AssetAttachment, ProblemDetails } from '@emis/contracts';
import { ATTACHMENT_KINDS, AttachmentKind } from '@emis/domain';
import { EmisDatePipe, EmisNumberPipe, ProblemAlertComponent, toProblem } from '@emis/web/core';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_MEGABYTES,
  attachmentRefusal,
  ConfirmDialogComponent,
  saveDownload,
} from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';

/**
 * An asset's invoices, photos and decisions: upload with a kind (type and size checked here before sending, and by
 * the API), download, delete after a confirmation. Each change adds a line to the asset's history on the server.
 */
@Component({
  selector: 'emis-asset-attachments',
  imports: [TranslocoPipe, EmisDatePipe, EmisNumberPipe, ProblemAlertComponent, ConfirmDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './asset-attachments.component.html',
  styleUrl: './asset-attachments.component.css',
})
export class AssetAttachmentsComponent {
  private readonly api = inject(AssetsApi);

  readonly schoolId = input.required<string>();
  readonly assetId = input.required<string>();
  readonly attachments = input.required<readonly AssetAttachment[]>();
  readonly canManage = input(false);
  /** Something was added or removed: the record (and its history) should be read again. */
  readonly changed = output<void>();

  protected readonly kinds = ATTACHMENT_KINDS;
  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly maxMegabytes = ATTACHMENT_MAX_MEGABYTES;
  protected readonly kind = signal<AttachmentKind>('INVOICE');
  protected readonly file = signal<File | null>(null);
  protected readonly refusal = signal<{ key: string; name: string } | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly removing = signal<AssetAttachment | null>(null);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected chooseKind(event: Event): void {
    this.kind.set((event.target as HTMLSelectElement).value as AttachmentKind);
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.problem.set(null);
    this.refusal.set(null);
    this.file.set(null);
    if (!file) return;
    const refusal = attachmentRefusal(file);
    if (refusal) {
      this.refusal.set({ key: `assets.register.attachments.errors.${refusal}`, name: file.name });
      input.value = '';
      return;
    }
    this.file.set(file);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.run(this.api.attach(this.schoolId(), this.assetId(), file, this.kind()), () => {
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    });
  }

  protected download(attachment: AssetAttachment): void {
    this.problem.set(null);
    this.api.attachment(this.schoolId(), this.assetId(), attachment.id).subscribe({
      next: (response) => saveDownload(response, attachment.fileName),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected remove(): void {
    const attachment = this.removing();
    if (!attachment) return;
    this.run(this.api.removeAttachment(this.schoolId(), this.assetId(), attachment.id), () => this.removing.set(null));
  }

  private run(request: Observable<unknown>, done: () => void): void {
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: () => {
        done();
        this.changed.emit();
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
