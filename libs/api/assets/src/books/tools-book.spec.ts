import { BookRecord } from './asset-books.repository';
import { toolsBookLines } from './tools-book';

const lot = (overrides: Partial<BookRecord>): BookRecord => ({
  id: 'a',
  code: 'CC-0001',
  name: 'Ghế nhựa',
  assetClass: 'OTHER_TANGIBLE',
  unit: 'Chiếc',
  quantity: 50,
  unitCost: 120_000,
  originalCost: 6_000_000,
  inUseOn: '2022-09-01',
  documentNumber: null,
  documentDate: null,
  building: null,
  room: null,
  openingWear: 0,
  openingWearYear: null,
  category: { worn: true, defaultLifeYears: 8, defaultRateBasisPoints: 1250, lifeYears: null, rateBasisPoints: null },
  costChanges: [],
  wear: [],
  decreases: [],
  ...overrides,
});

describe('the tools book', () => {
  it('counts a lot from the quantity it was registered with, whatever the register holds after later decreases', () => {
    const record = lot({
      quantity: 42,
      decreases: [
        { on: '2025-04-01', quantity: 8, documentNumber: '3/QĐ', documentDate: '2025-03-20', reason: 'LOSS' },
      ],
    });
    expect(toolsBookLines([record], 2024)[0]).toMatchObject({ opening: 50, increase: 0, decrease: 0, closing: 50 });
    expect(toolsBookLines([record], 2025)[0]).toMatchObject({ opening: 50, decrease: 8, closing: 42 });
  });

  it('takes what is left of a lot out on the day of its accepted transfer, and drops it from the later years', () => {
    const record = lot({
      decreases: [
        { on: '2023-05-01', quantity: 10, documentNumber: '1/QĐ', documentDate: '2023-04-20', reason: 'LIQUIDATION' },
        {
          on: '2024-02-01',
          quantity: null,
          documentNumber: '7/QĐ-SGD',
          documentDate: '2024-02-01',
          reason: 'TRANSFER',
        },
      ],
    });
    expect(toolsBookLines([record], 2022)[0]).toMatchObject({ opening: 0, increase: 50, decrease: 0, closing: 50 });
    expect(toolsBookLines([record], 2023)[0]).toMatchObject({ opening: 50, decrease: 10, closing: 40 });
    expect(toolsBookLines([record], 2024)[0]).toMatchObject({ opening: 40, decrease: 40, closing: 0 });
    expect(toolsBookLines([record], 2025)).toEqual([]);
  });
});
