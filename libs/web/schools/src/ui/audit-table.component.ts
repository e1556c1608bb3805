import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { AuditEntry } from '@emis/contracts';
import { EmisDatePipe } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AUDIT_ENTITIES } from './audit-entities';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const KNOWN_FIELDS = new Set(['address', 'phone', 'email', 'principalName', 'foundedYear', 'website']);
/** Bookkeeping that changes with every edit and says nothing to the reader. */
const HIDDEN_FIELDS = new Set(['version', 'updatedAt']);

@Component({
  selector: 'emis-audit-table',
  imports: [TranslocoPipe, EmisDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-table.component.html',
  styles: `
    .changes {
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.25rem;
      font-size: 0.8125rem;
    }
    .changes code {
      font-family: var(--font-mono);
      font-size: 0.75rem;
    }
    .change-old {
      color: var(--danger);
      text-decoration: line-through;
    }
    .change-new {
      color: var(--success);
    }
    summary {
      cursor: pointer;
      color: var(--link);
      font-size: 0.8125rem;
    }
    .actor-system {
      color: var(--text-muted);
      font-style: italic;
    }
    .time {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class AuditTableComponent {
  readonly entries = input.required<readonly AuditEntry[]>();
  /** Names of org units by id, for the school column; the column is left out when not given. */
  readonly unitNames = input<ReadonlyMap<string, string> | null>(null);
  readonly caption = input.required<string>();

  protected entityKey(entity: string): string | null {
    return AUDIT_ENTITIES.has(entity) ? `audit.entities.${entity}` : null;
  }

  protected fieldKey(field: string): string | null {
    return KNOWN_FIELDS.has(field) ? `profileFields.${field}` : null;
  }

  protected changesOf(entry: AuditEntry): FieldChange[] {
    return describeChanges(entry.before, entry.after);
  }
}

/** The fields whose value differs between the before and after snapshots of an audit entry. */
export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before);
  const next = asRecord(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  return fields
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(next[field]))
    .map((field) => ({ field, before: show(old[field]), after: show(next[field]) }));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
