import { displayToIso, isoToDisplay, maskDateTyping } from './date-input';

describe('dates typed dd/mm/yyyy', () => {
  it('shows 5 December 2026 as 05/12/2026, never in the browser’s month-first order', () => {
    expect(isoToDisplay('2026-12-05')).toBe('05/12/2026');
    expect(isoToDisplay(null)).toBe('');
  });

  it('reads day first, with slashes, dots, dashes or none', () => {
    expect(displayToIso('05/12/2026')).toEqual({ ok: true, iso: '2026-12-05' });
    expect(displayToIso('5.12.2026')).toEqual({ ok: true, iso: '2026-12-05' });
    expect(displayToIso('5-1-2027')).toEqual({ ok: true, iso: '2027-01-05' });
    expect(displayToIso('05122026')).toEqual({ ok: true, iso: '2026-12-05' });
  });

  it('answers null for an empty field and refuses dates that do not exist or are not dates', () => {
    expect(displayToIso('  ')).toEqual({ ok: true, iso: null });
    expect(displayToIso('31/04/2026')).toEqual({ ok: false });
    expect(displayToIso('12/13/2026')).toEqual({ ok: false });
    expect(displayToIso('hôm qua')).toEqual({ ok: false });
  });

  it('adds the slashes as digits are typed', () => {
    expect(maskDateTyping('05')).toBe('05');
    expect(maskDateTyping('0512')).toBe('05/12');
    expect(maskDateTyping('05122026')).toBe('05/12/2026');
    expect(maskDateTyping('5/12')).toBe('5/12');
  });

  it('keeps adding the slashes when the digits are typed one key at a time', () => {
    let shown = '';
    for (const key of '05122026') shown = maskDateTyping(shown + key);
    expect(shown).toBe('05/12/2026');
    expect(maskDateTyping('05/122')).toBe('05/12/2');
    expect(maskDateTyping('05.12.2026')).toBe('05.12.2026');
    expect(maskDateTyping('5/12/2026')).toBe('5/12/2026');
  });

  it('keeps a slash typed after the day or the month', () => {
    expect(maskDateTyping('05/')).toBe('05/');
    expect(maskDateTyping('05/12/')).toBe('05/12/');
    expect(maskDateTyping('05/12/20261')).toBe('05/12/2026');
  });
});
