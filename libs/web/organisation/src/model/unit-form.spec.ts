import { OrgUnitAdminItem } from '@emis/contracts';
import { emptyUnitForm, toCreate, toggleLevel, toUpdate, unitFormErrors, unitFormOf } from './unit-form';

const school: OrgUnitAdminItem = {
  id: 's1',
  kind: 'SCHOOL',
  code: 'THCS-VL-09',
  name: 'THCS Lạc Hồng',
  parentId: 'vl',
  parentName: 'Văn Lâm',
  levels: ['LOWER_SECONDARY'],
  ownership: 'PUBLIC',
  address: 'Thôn 3',
  commune: 'Xã Lạc Hồng',
  closedOn: null,
  closedReason: null,
  pendingMove: null,
  accountCount: 12,
  hasAdministrator: true,
};

describe('unitFormErrors', () => {
  it('refuses a school without a level, a code off the pattern and an empty name', () => {
    const value = { ...emptyUnitForm('SCHOOL', 'vl', '2025-09-05'), code: 'th 1', name: '  ' };
    expect(unitFormErrors(value, 'create')).toEqual({ code: 'codePattern', name: 'required', levels: 'levels' });
  });

  it('takes a code typed in lower case as the same code in upper case', () => {
    const value = {
      ...emptyUnitForm('SCHOOL', 'vl', '2025-09-05'),
      code: ' th-vl-10 ',
      name: 'TH A',
      levels: ['PRIMARY' as const],
    };
    expect(unitFormErrors(value, 'create')).toEqual({});
    expect(toCreate(value).code).toBe('TH-VL-10');
  });

  it('asks an edit for a reason of at least three characters, and a unit for no level', () => {
    const unitForm = { ...emptyUnitForm('UNIT', '', ''), code: 'VL', name: 'Văn Lâm', reason: 'ok' };
    expect(unitFormErrors(unitForm, 'edit')).toEqual({ code: 'codePattern', reason: 'reasonShort' });
    expect(unitFormErrors({ ...unitForm, code: 'P-VL', reason: 'Đổi tên' }, 'edit')).toEqual({});
  });
});

describe('toCreate', () => {
  it('sends a unit without levels or ownership, and blank optional fields as null', () => {
    const value = { ...emptyUnitForm('UNIT', 'so', '2025-07-01'), code: 'xa-lh', name: ' Xã Lạc Hồng ' };
    expect(toCreate(value)).toEqual({
      kind: 'UNIT',
      code: 'XA-LH',
      name: 'Xã Lạc Hồng',
      parentId: 'so',
      address: null,
      commune: null,
      effectiveFrom: '2025-07-01',
    });
  });
});

describe('toUpdate', () => {
  it('sends only what changed, with the reason', () => {
    const value = { ...unitFormOf(school), name: 'THCS Lạc Hồng (mới)', address: '', reason: ' Quyết định 12 ' };
    expect(toUpdate(school, value)).toEqual({ name: 'THCS Lạc Hồng (mới)', address: null, reason: 'Quyết định 12' });
  });

  it('notices levels ticked in another order as no change, and an added level as one', () => {
    const same = { ...unitFormOf(school), reason: 'x' };
    expect(toUpdate(school, same)).toBeNull();
    const levels = toggleLevel(toggleLevel([], 'LOWER_SECONDARY', true), 'PRIMARY', true);
    expect(levels).toEqual(['PRIMARY', 'LOWER_SECONDARY']);
    expect(toUpdate(school, { ...same, levels })).toEqual({ levels, reason: 'x' });
  });
});
