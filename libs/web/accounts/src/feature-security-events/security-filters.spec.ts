import { NO_FILTERS, queryOf } from './security-filters';

describe('the security events filters', () => {
  it('asks for nothing when nothing is chosen', () => {
    expect(queryOf(NO_FILTERS)).toEqual({
      kind: undefined,
      userId: undefined,
      from: undefined,
      to: undefined,
      alerts: undefined,
      open: undefined,
    });
  });

  it('reads the days in Vietnam time, the last day included', () => {
    const q = queryOf({ ...NO_FILTERS, fromDate: '2026-12-01', toDate: '2026-12-05' });
    expect(q.from).toBe('2026-11-30T17:00:00.000Z');
    expect(q.to).toBe('2026-12-05T17:00:00.000Z');
  });

  it('passes the kind, the user and the two flags', () => {
    expect(queryOf({ ...NO_FILTERS, kind: 'REFUSAL_BURST', userId: 'u1', alerts: true, open: true })).toMatchObject({
      kind: 'REFUSAL_BURST',
      userId: 'u1',
      alerts: true,
      open: true,
    });
  });
});
