import { OrgUnitAdminItem } from '@emis/contracts';
import { currentPeriod, earliestMoveDate, matchTargets, moveTargets, moveTiming, nextDay } from './move-plan';

function unit(
  id: string,
  parentId: string | null,
  kind: OrgUnitAdminItem['kind'],
  closedOn: string | null = null,
): OrgUnitAdminItem {
  return {
    id,
    kind,
    code: id.toUpperCase(),
    name: id,
    parentId,
    parentName: null,
    levels: kind === 'SCHOOL' ? ['PRIMARY'] : [],
    ownership: kind === 'SCHOOL' ? 'PUBLIC' : null,
    address: null,
    commune: null,
    closedOn,
    closedReason: null,
    pendingMove: null,
    accountCount: 0,
    hasAdministrator: false,
  };
}

const so = unit('so', null, 'DEPARTMENT');
const vl = unit('vl', 'so', 'UNIT');
const kc = unit('kc', 'so', 'UNIT');
const kcA = unit('kc-a', 'kc', 'UNIT');
const old = unit('old', 'so', 'UNIT', '2025-06-30');
const school = unit('th-1', 'vl', 'SCHOOL');
const all = [so, vl, kc, kcA, old, school];

describe('moveTargets', () => {
  it('offers a school every open department or unit but the one it is in', () => {
    expect(moveTargets(all, school).map((u) => u.id)).toEqual(['so', 'kc', 'kc-a']);
  });

  it('never offers a unit itself or a unit under it (a cycle), nor a closed unit', () => {
    expect(moveTargets(all, kc).map((u) => u.id)).toEqual(['vl']);
  });
});

describe('matchTargets', () => {
  const khoaiChau = { ...kc, name: 'Phòng GD&ĐT huyện Khoái Châu', code: 'PGD-KC' };
  const dongTao = { ...vl, name: 'Ủy ban nhân dân xã Đông Tảo', code: 'UBND-DT' };

  it('finds a unit by words typed without accents, in any order, or by its code', () => {
    expect(matchTargets([khoaiChau, dongTao], 'chau khoai', '')).toEqual([khoaiChau]);
    expect(matchTargets([khoaiChau, dongTao], 'dong tao', '')).toEqual([dongTao]);
    expect(matchTargets([khoaiChau, dongTao], 'pgd-kc', '')).toEqual([khoaiChau]);
    expect(matchTargets([khoaiChau, dongTao], '  ', '')).toEqual([khoaiChau, dongTao]);
  });

  it('keeps the chosen unit listed while the search changes', () => {
    expect(matchTargets([khoaiChau, dongTao], 'dong tao', khoaiChau.id)).toEqual([khoaiChau, dongTao]);
  });
});

describe('moveTiming', () => {
  it('tells a back-dated move from one today and a pending one', () => {
    expect(moveTiming('2025-07-01', '2025-09-05')).toBe('past');
    expect(moveTiming('2025-09-05', '2025-09-05')).toBe('today');
    expect(moveTiming('2026-01-01', '2025-09-05')).toBe('future');
  });
});

describe('earliestMoveDate', () => {
  const history = [
    { parentId: 'old', parentName: 'Phòng GD cũ', validFrom: '2020-09-01', validTo: '2025-07-01' },
    { parentId: 'vl', parentName: 'Văn Lâm', validFrom: '2025-07-01', validTo: '2026-01-01' },
    { parentId: 'kc', parentName: 'Khoái Châu', validFrom: '2026-01-01', validTo: null },
  ];

  it('finds the period in force today, its end exclusive', () => {
    expect(currentPeriod(history, '2025-06-30')?.parentId).toBe('old');
    expect(currentPeriod(history, '2025-07-01')?.parentId).toBe('vl');
    expect(currentPeriod(history, '2026-01-01')?.parentId).toBe('kc');
  });

  it('is the day after the current period began: a move splits it, both halves at least a day', () => {
    expect(earliestMoveDate({ history }, '2025-09-05')).toBe('2025-07-02');
    expect(earliestMoveDate({ history: [] }, '2025-09-05')).toBeNull();
  });

  it('counts days across months and leap years', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});
