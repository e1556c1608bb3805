import { parsePersonalId } from '@emis/domain';
import { PersonalIds, personName } from './names';
import { SeededRandom } from './seeded-random';

describe('demo names and personal ids', () => {
  it('gives the same stream for the same seed', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    expect([a.uuid(), personName(a, 'FEMALE'), a.int(1, 100)]).toEqual([
      b.uuid(),
      personName(b, 'FEMALE'),
      b.int(1, 100),
    ]);
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('issues unique personal ids that encode province, century, gender and year', () => {
    const ids = new PersonalIds(new SeededRandom(1));
    const issued = Array.from({ length: 5000 }, (_, i) => ids.next('034', 2012, i % 2 ? 'FEMALE' : 'MALE'));
    expect(new Set(issued).size).toBe(5000);
    expect(parsePersonalId(issued[1])).toEqual({
      ok: true,
      info: { provinceCode: '034', gender: 'FEMALE', birthYear: 2012 },
    });
    expect(parsePersonalId(ids.next('033', 1979, 'MALE'))).toEqual({
      ok: true,
      info: { provinceCode: '033', gender: 'MALE', birthYear: 1979 },
    });
  });

  it('writes names family first with Vietnamese middle and given names', () => {
    const rng = new SeededRandom(3);
    for (let i = 0; i < 50; i++) expect(personName(rng, 'MALE', 'Nguyễn')).toMatch(/^Nguyễn( \p{L}+){2,3}$/u);
  });
});
