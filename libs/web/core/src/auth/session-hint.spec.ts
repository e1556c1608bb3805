import { hasSessionHint } from './session-hint';

describe('the session hint', () => {
  it('is present only when the server set emis_session=1', () => {
    expect(hasSessionHint('')).toBe(false);
    expect(hasSessionHint('lang=vi')).toBe(false);
    expect(hasSessionHint('lang=vi; emis_session=1')).toBe(true);
    expect(hasSessionHint('emis_session=1')).toBe(true);
    expect(hasSessionHint('emis_session=0; x_emis_session=1')).toBe(false);
  });
});
