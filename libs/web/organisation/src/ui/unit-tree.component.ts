import { ChangeDetectionStrategy, Component, computed, ElementRef, input, output, viewChildren } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { UnitTreeNode, visibleRows } from '../model/unit-tree';

/**
 * The units of the scope as an ARIA tree: one tab stop (the selected row), arrows move between rows, Right opens
 * and Left closes a unit (or goes to its parent), Home and End jump, Enter or Space selects. The first row, "whole
 * scope", clears the selection. Selecting and expanding are the page's state, so this only emits.
 */
@Component({
  selector: 'emis-unit-tree',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './unit-tree.component.css',
  template: `
    <ul class="tree" role="tree" [attr.aria-label]="'organisation.tree.label' | transloco" data-testid="unit-tree">
      <li
        #item
        role="treeitem"
        class="tree-row"
        aria-level="1"
        [attr.aria-selected]="selectedId() === null"
        [attr.tabindex]="selectedId() === null ? 0 : -1"
        (click)="selected.emit(null)"
        (keydown)="onKey($event, -1)"
        data-testid="unit-tree-all"
      >
        <span class="twisty" aria-hidden="true"></span>
        <span class="label">{{ 'organisation.tree.all' | transloco }}</span>
      </li>
      @for (row of rows(); track row.unit.id; let i = $index) {
        <li
          #item
          role="treeitem"
          class="tree-row"
          [style.padding-inline-start.rem]="0.25 + row.depth * 1.1"
          [attr.aria-level]="row.depth + 1"
          [attr.aria-expanded]="row.children.length > 0 ? expanded().has(row.unit.id) : null"
          [attr.aria-selected]="selectedId() === row.unit.id"
          [attr.tabindex]="selectedId() === row.unit.id ? 0 : -1"
          [class.closed]="row.unit.closedOn !== null"
          (click)="selected.emit(row.unit.id)"
          (keydown)="onKey($event, i)"
          [attr.data-testid]="'unit-tree-' + row.unit.code"
        >
          @if (row.children.length > 0) {
            <button
              type="button"
              class="twisty"
              tabindex="-1"
              [attr.aria-label]="
                (expanded().has(row.unit.id) ? 'organisation.tree.collapse' : 'organisation.tree.expand')
                  | transloco: { name: row.unit.name }
              "
              (click)="$event.stopPropagation(); toggled.emit(row.unit.id)"
            >
              {{ expanded().has(row.unit.id) ? '▾' : '▸' }}
            </button>
          } @else {
            <span class="twisty" aria-hidden="true"></span>
          }
          <span class="label">{{ row.unit.name }}</span>
          @if (row.unit.closedOn) {
            <span class="badge">{{ 'organisation.badges.closed' | transloco }}</span>
          }
        </li>
      }
    </ul>
  `,
})
export class UnitTreeComponent {
  readonly roots = input.required<UnitTreeNode[]>();
  readonly expanded = input.required<ReadonlySet<string>>();
  readonly selectedId = input<string | null>(null);
  readonly selected = output<string | null>();
  readonly toggled = output<string>();

  protected readonly rows = computed(() => visibleRows(this.roots(), this.expanded()));
  private readonly items = viewChildren<ElementRef<HTMLElement>>('item');

  /** `index` is the row's place among the units; -1 is the "whole scope" row above them. */
  protected onKey(event: KeyboardEvent, index: number): void {
    const rows = this.rows();
    const row = index >= 0 ? rows[index] : null;
    const open = row ? this.expanded().has(row.unit.id) : false;
    switch (event.key) {
      case 'ArrowDown':
        this.focus(index + 1);
        break;
      case 'ArrowUp':
        this.focus(index - 1);
        break;
      case 'Home':
        this.focus(-1);
        break;
      case 'End':
        this.focus(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row && row.children.length > 0 && !open) this.toggled.emit(row.unit.id);
        else if (row && open) this.focus(index + 1);
        break;
      case 'ArrowLeft':
        if (row && open) this.toggled.emit(row.unit.id);
        else if (row) this.focus(this.parentIndex(index));
        break;
      case 'Enter':
      case ' ':
        this.selected.emit(row ? row.unit.id : null);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private parentIndex(index: number): number {
    const depth = this.rows()[index].depth;
    for (let i = index - 1; i >= 0; i--) if (this.rows()[i].depth < depth) return i;
    return -1;
  }

  /** Row -1 is the first element; the units follow it. */
  private focus(index: number): void {
    const element = this.items()[index + 1];
    element?.nativeElement.focus();
  }
}
