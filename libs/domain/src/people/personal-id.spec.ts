import { parsePersonalId, personalIdMatches } from './personal-id';

describe('personal identification number (Circular 59/2021/TT-BCA)', () => {
  it('reads province, gender and birth year of a girl born in 2012 in Hưng Yên (033)', () => {
    expect(parsePersonalId('033312001234')).toEqual({
      ok: true,
      info: { provinceCode: '033', gender: 'FEMALE', birthYear: 2012 },
    });
  });

  it('reads a man born in 1985 (century digit 0)', () => {
    expect(parsePersonalId('034085000001')).toEqual({
      ok: true,
      info: { provinceCode: '034', gender: 'MALE', birthYear: 1985 },
    });
  });

  it.each(['03331200123', '0333120012345', '03331200123a', ' 033312001234', ''])(
    'rejects %p as not 12 digits',
    (value) => {
      expect(parsePersonalId(value)).toEqual({ ok: false, error: 'format' });
    },
  );

  it('rejects province code 000 and codes above 096', () => {
    expect(parsePersonalId('000312001234')).toEqual({ ok: false, error: 'province' });
    expect(parsePersonalId('097312001234')).toEqual({ ok: false, error: 'province' });
  });

  it('matches a record only when birth year and gender agree', () => {
    expect(personalIdMatches('033312001234', 2012, 'FEMALE')).toBe(true);
    expect(personalIdMatches('033312001234', 2012, 'MALE')).toBe(false);
    expect(personalIdMatches('033312001234', 2011, 'FEMALE')).toBe(false);
  });
});
