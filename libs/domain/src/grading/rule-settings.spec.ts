import { defaultRuleSettings, ruleSettingsErrors, withDefaults } from './rule-settings';

describe('the province rule settings of a school year', () => {
  it('default to the adjustment on, a missed assessment uncomputed and the charters’ ceilings', () => {
    const s = defaultRuleSettings('2026-2027');
    expect(s.c22Adjustment).toBe('EXCEPT_ONE_SUBJECT');
    expect(s.missingAssessment).toBe('NOT_COMPUTED');
    expect(s.classSizeCeilings['1']).toBe(35);
    expect(s.classSizeCeilings['10']).toBe(45);
    expect(s.classSizeCeilings['MG5']).toBe(35);
  });

  it('let the foreign language count in the Circular 58 ranking from 2020-21 (Circular 26/2020), not before', () => {
    expect(defaultRuleSettings('2020-2021').c58ForeignLanguage).toBe(true);
    expect(defaultRuleSettings('2019-2020').c58ForeignLanguage).toBe(false);
  });

  it('accept the defaults and refuse unknown readings, non-booleans and ceilings out of range, field by field', () => {
    expect(ruleSettingsErrors({ ...defaultRuleSettings('2026-2027') })).toEqual([]);
    const bad = {
      c22Adjustment: 'SOMETIMES',
      missingAssessment: 'ZERO',
      c58ForeignLanguage: 'yes',
      classSizeCeilings: { ...defaultRuleSettings('2026-2027').classSizeCeilings, '6': 0, '7': 45.5, X: 3 },
    };
    expect(ruleSettingsErrors(bad).map((e) => `${e.field}:${e.rule}`)).toEqual([
      'c22Adjustment:isIn',
      'c58ForeignLanguage:isBoolean',
      'classSizeCeilings.X:unknownGrade',
      'classSizeCeilings.6:classSizeCeiling',
      'classSizeCeilings.7:classSizeCeiling',
    ]);
  });

  it('fill what a stored record lacks with the year’s defaults', () => {
    const s = withDefaults('2026-2027', { c22Adjustment: 'OFF', classSizeCeilings: { '6': 40 } as never });
    expect(s.c22Adjustment).toBe('OFF');
    expect(s.classSizeCeilings['6']).toBe(40);
    expect(s.classSizeCeilings['7']).toBe(45);
    expect(s.missingAssessment).toBe('NOT_COMPUTED');
  });
});
