/** One cell's change, as the text the teacher typed or pasted (invalid text included: undo brings it back as it was). */
export interface CellChange {
  studentId: string;
  key: string;
  before: string;
  after: string;
}

/** Steps kept for undo; older ones fall off, as in Excel. */
export const UNDO_LIMIT = 100;

/**
 * Undo and redo of the grid's edits: one step per typed cell, one step per paste or block clear (Ctrl+Z undoes a
 * whole paste). What undo or redo returns is applied like typing — through the domain's parseCell and the same
 * autosave — so an undone value is saved like any other edit. A new edit after an undo drops the redo steps.
 */
export class UndoHistory {
  private readonly done: CellChange[][] = [];
  private undone: CellChange[][] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  /** Records a step; changes that changed nothing are left out, and an empty step is no step. */
  record(step: readonly CellChange[]): void {
    const real = step.filter((change) => change.before !== change.after);
    if (real.length === 0) return;
    this.done.push(real);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The changes that undo the last step: each cell goes back to its `after`, which is the text before the step. */
  undo(): CellChange[] | null {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return [...step].reverse().map((change) => ({ ...change, before: change.after, after: change.before }));
  }

  /** The changes that redo the last undone step. */
  redo(): CellChange[] | null {
    const step = this.undone.pop();
    if (!step) return null;
    this.done.push(step);
    return step.map((change) => ({ ...change }));
  }
}
