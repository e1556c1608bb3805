import { UndoHistory } from './grid-undo';

const typed = (studentId: string, key: string, before: string, after: string) => ({ studentId, key, before, after });

describe('undo and redo of grid edits', () => {
  it('undoes the last typed cell, then redoes it', () => {
    const history = new UndoHistory();
    history.record([typed('s1', 'TX1', '', '8')]);
    history.record([typed('s1', 'TX2', '7', '9')]);
    expect(history.undo()).toEqual([typed('s1', 'TX2', '9', '7')]);
    expect(history.undo()).toEqual([typed('s1', 'TX1', '8', '')]);
    expect(history.undo()).toBeNull();
    expect(history.redo()).toEqual([typed('s1', 'TX1', '', '8')]);
    expect(history.redo()).toEqual([typed('s1', 'TX2', '7', '9')]);
    expect(history.redo()).toBeNull();
  });

  it('undoes a whole paste as one step, last cell first', () => {
    const history = new UndoHistory();
    history.record([typed('s1', 'TX1', '', '6'), typed('s2', 'TX1', '5', '8')]);
    expect(history.undo()).toEqual([typed('s2', 'TX1', '8', '5'), typed('s1', 'TX1', '6', '')]);
  });

  it('brings back invalid text as it was typed', () => {
    const history = new UndoHistory();
    history.record([typed('s1', 'CK', '11', '8')]);
    expect(history.undo()).toEqual([typed('s1', 'CK', '8', '11')]);
  });

  it('records no step for an edit that changed nothing', () => {
    const history = new UndoHistory();
    history.record([typed('s1', 'TX1', '8', '8')]);
    expect(history.canUndo).toBe(false);
    history.record([typed('s1', 'TX1', '8', '8'), typed('s1', 'TX2', '', '7')]);
    expect(history.undo()).toEqual([typed('s1', 'TX2', '7', '')]);
  });

  it('drops the redo steps when a new edit follows an undo', () => {
    const history = new UndoHistory();
    history.record([typed('s1', 'TX1', '', '8')]);
    history.undo();
    expect(history.canRedo).toBe(true);
    history.record([typed('s1', 'TX2', '', '5')]);
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBeNull();
  });

  it('keeps only the newest steps beyond its limit', () => {
    const history = new UndoHistory(2);
    for (const value of ['1', '2', '3']) history.record([typed('s1', 'TX1', '', value)]);
    expect(history.undo()?.[0].before).toBe('3');
    expect(history.undo()?.[0].before).toBe('2');
    expect(history.undo()).toBeNull();
  });
});
