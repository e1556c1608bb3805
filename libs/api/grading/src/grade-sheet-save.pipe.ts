import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { GradeRowChange, GradeSheetSave } from '@emis/contracts';
import { createValidationPipe } from '@emis/api/platform';
import { arrayMaxSize, isUUID, max, maxLength, min } from 'class-validator';
import { GradeSheetSaveDto } from './gradebook.dto';

/** GradeRowChangeDto's fields: any other makes the body one for the full pipe (which refuses it). */
const ROW_FIELDS = new Set(['studentId', 'version', 'cells', 'comment']);
/**
 * A cell's key the fast path keeps as it came. The validation pipe deletes `__proto__` and `constructor` keys from a
 * body before reading it, so a body holding one goes through the pipe and gets what it always got.
 */
const PLAIN_KEY = /^[A-Za-z0-9_]{1,40}$/;
const STRIPPED_KEYS = new Set(['__proto__', 'constructor']);

/**
 * The body of a grade save, checked against GradeSheetSaveDto's rules. The application's validation pipe turns the
 * body into DTO instances with class-transformer and walks them with class-validator: for a sheet of 45 rows the
 * largest single cost of a save in the API's CPU profile after the database driver (about 12 % of the process,
 * docs/benchmarks.md). Here a body the DTO's rules accept is recognised with class-validator's own predicates and
 * taken as it is; any other body — a missing, wrong or extra field anywhere — goes through the full pipe, which
 * answers the field errors. A refused body therefore gets exactly the errors (and the localized messages) it always
 * got; `grade-sheet-save.pipe.spec.ts` compares the two paths on generated bodies.
 */
export function acceptedSheetSave(body: unknown): GradeSheetSave | undefined {
  if (!isPlainObject(body)) return undefined;
  const keys = Object.keys(body);
  if (keys.length !== 2 || !Object.hasOwn(body, 'requestId') || !Object.hasOwn(body, 'rows')) return undefined;
  const { requestId, rows } = body as { requestId: unknown; rows: unknown };
  if (!isUUID(requestId) || !Array.isArray(rows) || !arrayMaxSize(rows, 200)) return undefined;
  const accepted: GradeRowChange[] = [];
  for (const row of rows) {
    const change = acceptedRow(row);
    if (!change) return undefined;
    accepted.push(change);
  }
  return { requestId: requestId as string, rows: accepted };
}

/** One row by GradeRowChangeDto's rules, its comment trimmed to null as the DTO's transform does; else undefined. */
function acceptedRow(row: unknown): GradeRowChange | undefined {
  if (!isPlainObject(row)) return undefined;
  for (const key of Object.keys(row)) if (!ROW_FIELDS.has(key)) return undefined;
  const { studentId, version, cells, comment } = row as Record<string, unknown>;
  if (!isUUID(studentId)) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || !min(version, 0) || !max(version, 2_000_000_000))
    return undefined;
  const change: GradeRowChange = { studentId: studentId as string, version };
  if (Object.hasOwn(row, 'cells')) {
    // @IsOptional() lets null through; the service reads a missing sheet of cells as no change.
    if (cells !== null && !plainCells(cells)) return undefined;
    change.cells = cells as GradeRowChange['cells'];
  }
  if (Object.hasOwn(row, 'comment')) {
    if (comment !== null && typeof comment !== 'string') return undefined;
    const trimmed = typeof comment === 'string' ? comment.trim() || null : null;
    if (trimmed !== null && !maxLength(trimmed, 500)) return undefined;
    change.comment = trimmed;
  }
  return change;
}

/** A plain object of plain keys and plain values: what class-transformer would copy unchanged. */
function plainCells(cells: unknown): boolean {
  if (!isPlainObject(cells)) return false;
  for (const [key, value] of Object.entries(cells)) {
    if (!PLAIN_KEY.test(key) || STRIPPED_KEYS.has(key)) return false;
    if (value !== null && typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')
      return false;
  }
  return true;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The save's body pipe: `acceptedSheetSave`, else the application's validation pipe on GradeSheetSaveDto (the field
 * errors). The route's parameter is typed by the contract's interface, so the global pipe only runs its shape guards
 * (depth, lone surrogates, conversion keys) on it and leaves the DTO to this pipe.
 */
@Injectable()
export class GradeSheetSavePipe implements PipeTransform<unknown, Promise<GradeSheetSave>> {
  private readonly full = createValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<GradeSheetSave> {
    return (
      acceptedSheetSave(value) ??
      ((await this.full.transform(value, { ...metadata, metatype: GradeSheetSaveDto })) as GradeSheetSave)
    );
  }
}
