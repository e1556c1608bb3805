import { compareClassNames, sortByClassName } from './natural-sort';

describe('compareClassNames', () => {
  it('sorts grades and class numbers as numbers', () => {
    const names = ['10A10', '7B', '6B', '10A2', '7A', '6A', '10A1'];
    expect([...names].sort(compareClassNames)).toEqual(['6A', '6B', '7A', '7B', '10A1', '10A2', '10A10']);
  });

  it('puts 12C3 after 9A and before 12C10', () => {
    expect(['12C10', '12C3', '9A'].sort(compareClassNames)).toEqual(['9A', '12C3', '12C10']);
  });

  it('sorts objects by their class name', () => {
    expect(sortByClassName([{ n: '11A' }, { n: '2B' }], (c) => c.n).map((c) => c.n)).toEqual(['2B', '11A']);
  });
});
