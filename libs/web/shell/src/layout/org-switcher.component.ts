import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { foldVietnamese } from '@emis/domain';
import { OrgUnitNode } from '@emis/contracts';
import { EmisNumberPipe, OrgUnitContext } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

interface UnitOption {
  node: OrgUnitNode;
  depth: number;
}

/** Rendering thousands of buttons at once makes the panel sluggish; the search narrows the rest. */
const MAX_SHOWN = 100;

/**
 * Lets a department or unit officer narrow every page to one unit or school of their subtree.
 * A disclosure panel with a search box, because a province has hundreds of schools.
 */
@Component({
  selector: 'emis-org-switcher',
  imports: [TranslocoPipe, EmisNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-switcher.component.html',
  styleUrl: './org-switcher.component.css',
  host: {
    '(document:click)': 'closeOnOutsideClick($event)',
    '(keydown.escape)': 'close(true)',
  },
})
export class OrgSwitcherComponent {
  private readonly context = inject(OrgUnitContext);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly toggleButton = viewChild.required<ElementRef<HTMLButtonElement>>('toggleButton');
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('search');

  protected readonly open = signal(false);
  protected readonly query = signal('');
  protected readonly loadFailed = signal(false);
  protected readonly loading = signal(false);
  protected readonly current = this.context.currentUnit;
  protected readonly currentId = computed(() => this.current()?.id ?? null);

  /** While searching, matches are listed flat: the indentation of a lone match would say nothing. */
  protected readonly searching = computed(() => this.query().trim() !== '');
  private readonly ordered = computed(() => orderAsTree(this.context.tree()));
  protected readonly matches = computed(() => {
    const words = foldVietnamese(this.query()).split(/\s+/).filter(Boolean);
    const all = this.ordered();
    return words.length === 0
      ? all
      : all.filter(({ node }) => {
          const text = foldVietnamese(`${node.name} ${node.code}`);
          return words.every((word) => text.includes(word));
        });
  });
  protected readonly shown = computed(() => this.matches().slice(0, MAX_SHOWN));
  protected readonly hiddenCount = computed(() => Math.max(this.matches().length - MAX_SHOWN, 0));

  protected toggle(): void {
    if (this.open()) {
      this.close(false);
      return;
    }
    this.open.set(true);
    this.query.set('');
    this.loadTree();
    setTimeout(() => this.searchInput()?.nativeElement.focus());
  }

  protected close(returnFocus: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.toggleButton().nativeElement.focus();
  }

  protected closeOnOutsideClick(event: MouseEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close(false);
  }

  protected choose(node: OrgUnitNode, depth: number): void {
    // The root of the tree is the user's own unit: choosing it clears the pick.
    this.context.select(depth === 0 ? null : node.id);
    this.close(true);
  }

  protected loadTree(): void {
    this.loadFailed.set(false);
    this.loading.set(true);
    this.context.loadTree().subscribe({
      next: () => this.loading.set(false),
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }
}

/** Depth-first order with each unit's depth, so the flat list reads like the tree. */
function orderAsTree(nodes: readonly OrgUnitNode[]): UnitOption[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | null, OrgUnitNode[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const byName = (a: OrgUnitNode, b: OrgUnitNode) =>
    a.kind === b.kind ? a.name.localeCompare(b.name, 'vi') : a.kind === 'SCHOOL' ? 1 : -1;
  const result: UnitOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const node of (children.get(parent) ?? []).sort(byName)) {
      result.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}
