import { Injectable } from '@nestjs/common';
import type { ImportJobKind } from '@emis/contracts';
import { Permission } from '@emis/domain';
import { ImportedRow, Importer } from './importer';

/**
 * Every import kind, each registered by the context that owns its tables (students by people, staff by staff, the
 * sổ điểm by grading) from its importer's onModuleInit. The dependency points from those contexts to this library,
 * so it never imports them; the queue's worker starts only once every module has registered
 * (ImportQueue.onApplicationBootstrap), so a job left waiting from an earlier run finds its importer.
 */
@Injectable()
export class ImportRegistry {
  private readonly importers = new Map<ImportJobKind, Importer<unknown, ImportedRow>>();

  register<T, R extends ImportedRow>(importer: Importer<T, R>): void {
    if (this.importers.has(importer.kind)) throw new Error(`an importer for ${importer.kind} is already registered`);
    this.importers.set(importer.kind, importer as unknown as Importer<unknown, ImportedRow>);
  }

  get(kind: ImportJobKind): Importer<unknown, ImportedRow> | undefined {
    return this.importers.get(kind);
  }

  /** The permissions that can start an import of some kind: holding one lets a user follow their own jobs. */
  permissions(): Permission[] {
    return [...new Set([...this.importers.values()].flatMap((i) => [i.permission, ...(i.otherPermissions ?? [])]))];
  }
}
