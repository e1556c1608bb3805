import { statusAgainstAnchor } from './anchor-check';

const anchored = { seq: 5, hash: 'h5', anchorSeq: 2, at: '2026-12-05T23:00:00.000Z' };
const now = (headSeq: number | null, hashAtAnchoredSeq: string | null) => ({
  school: 's',
  headSeq,
  headHash: headSeq === null ? null : 'head',
  hashAtAnchoredSeq,
});

describe('a chain against its latest anchor', () => {
  it('matches when the row at the anchored number carries the anchored hash, however far the chain went on', () => {
    expect(statusAgainstAnchor(anchored, now(5, 'h5'))).toBe('MATCHES');
    expect(statusAgainstAnchor(anchored, now(9, 'h5'))).toBe('MATCHES');
  });

  it('is rewritten when that row carries another hash', () => {
    expect(statusAgainstAnchor(anchored, now(5, 'other'))).toBe('REWRITTEN');
  });

  it('is truncated when the chain ends before the anchored number, or that row is gone', () => {
    expect(statusAgainstAnchor(anchored, now(3, null))).toBe('TRUNCATED');
    expect(statusAgainstAnchor(anchored, now(9, null))).toBe('TRUNCATED');
  });

  it('is deleted when the head is gone, and not anchored when no anchor names it', () => {
    expect(statusAgainstAnchor(anchored, now(null, null))).toBe('DELETED');
    expect(statusAgainstAnchor(anchored, undefined)).toBe('DELETED');
    expect(statusAgainstAnchor(undefined, now(2, null))).toBe('NOT_ANCHORED');
  });
});
