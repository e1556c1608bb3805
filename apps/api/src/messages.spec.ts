import { databaseRefusal, fieldLabel, isKnownProblem, problemTitle, ruleMessage } from '@emis/api/platform';
import { API_MESSAGES, registerApiMessages } from './messages';

describe('the API message catalogues', () => {
  it('register together without two contexts wording one key differently', () => {
    expect(() => registerApiMessages()).not.toThrow();
  });

  it("makes every context's problems, rules and field labels known in both languages", () => {
    registerApiMessages();
    for (const catalogue of API_MESSAGES) {
      for (const code of Object.keys(catalogue.problems ?? {})) {
        expect(isKnownProblem(code)).toBe(true);
        expect(problemTitle(code, 'en')).toBe(catalogue.problems?.[code].en);
      }
      for (const [rule, text] of Object.entries(catalogue.rules ?? {})) {
        expect(ruleMessage(rule, 'x', [], 'vi')).toBe(text.vi.replace('{field}', 'x').replace(/\{\d\}/g, ''));
      }
      for (const [field, text] of Object.entries(catalogue.fields ?? {})) expect(fieldLabel(field, 'vi')).toBe(text.vi);
      for (const [sqlState, refusal] of Object.entries(catalogue.databaseRefusals ?? {})) {
        expect(databaseRefusal(sqlState)).toEqual(refusal);
        expect(catalogue.problems?.[refusal.problem]).toBeDefined();
      }
    }
    expect(ruleMessage('personalIdFormat', 'personalId', [], 'en')).toBe('Personal ID must be exactly 12 digits');
    expect(problemTitle('transfer_pending', 'vi')).toBe('Học sinh đang có một yêu cầu chuyển trường chờ xử lý');
  });
});
