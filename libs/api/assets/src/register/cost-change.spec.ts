import type { CostChangeInput } from '@emis/contracts';
import { AssetRecord } from '../assets.repository';
import { costChangeErrors } from './cost-change.service';

const server = { cost: 50_000_000, accumulatedWear: 20_000_000, inUseOn: '2020-03-01' } as AssetRecord;
const rules = (input: Partial<CostChangeInput>) =>
  costChangeErrors(
    server,
    { kind: 'UPGRADE', effectiveOn: '2022-06-30', newCost: 60_000_001, documentNumber: '1', version: 1, ...input },
    '2026-12-05',
  ).map((e) => `${e.field}:${e.rule}`);

describe('cost changes', () => {
  it('raises the cost by an upgrade or a repair that adds value', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ kind: 'REPAIR', newCost: 50_000_000 })).toEqual(['newCost:costChangeMustRaise']);
  });

  it('lowers it by a partial removal, never under the wear already accumulated (Art. 16)', () => {
    expect(rules({ kind: 'PARTIAL_REMOVAL', newCost: 45_000_000 })).toEqual([]);
    expect(rules({ kind: 'PARTIAL_REMOVAL', newCost: 50_000_001 })).toEqual(['newCost:costChangeMustLower']);
    expect(rules({ kind: 'PARTIAL_REMOVAL', newCost: 19_999_999 })).toEqual(['newCost:costBelowWear']);
  });

  it('sets it by a revaluation, which must change it', () => {
    expect(rules({ kind: 'REVALUATION', newCost: 30_000_000 })).toEqual([]);
    expect(rules({ kind: 'REVALUATION', newCost: 50_000_000 })).toEqual(['newCost:costChangeUnchanged']);
  });

  it('takes effect on a real day between the day put into use and today', () => {
    expect(rules({ effectiveOn: '2023-02-29' })).toEqual(['effectiveOn:costChangeDate']);
    expect(rules({ effectiveOn: '2020-02-29' })).toEqual(['effectiveOn:costChangeDateRange']);
    expect(rules({ effectiveOn: '2026-12-06' })).toEqual(['effectiveOn:costChangeDateRange']);
  });
});
