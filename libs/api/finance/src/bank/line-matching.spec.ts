import { PayingPupil, PupilFinder } from './line-matching';

const pupil = (studentId: string, code: string, fullName: string): PayingPupil => ({ studentId, code, fullName });

const finder = new PupilFinder([
  pupil('a', '034213001234', 'Nguyễn Văn An'),
  pupil('b', '034213009999', 'Trần Thị Bình'),
  pupil('c', '034213005555', 'Lê Minh Châu'),
]);

describe('finding the pupil a bank transfer is for', () => {
  it.each([
    ['HP034213001234 nop hoc phi HK1', ['a']],
    ['hp 0342 1300 1234 tien an', ['a']],
    ['CK HP-034213009999.hoc phi', ['b']],
  ])('reads the payment code in "%s" however the bank reformatted it', (description, ids) => {
    expect(finder.byPayment(description).map((p) => p.studentId)).toEqual(ids);
  });

  it('takes no code of another school, and no code cut short or run on', () => {
    expect(finder.byPayment('HP034213000000')).toEqual([]);
    expect(finder.byPayment('HP03421300123 hoc phi')).toEqual([]);
    expect(finder.byPayment('HP0342130012345')).toEqual([]);
  });

  it('finds both pupils of a transfer paying for two, so that a person decides', () => {
    expect(finder.byPayment('HP034213001234 HP034213009999').map((p) => p.studentId)).toEqual(['a', 'b']);
  });

  it('suggests pupils by their own code or their full name when the payment code is missing', () => {
    expect(finder.suggest('nop tien cho chau 034213009999', null, 5).map((p) => p.studentId)).toEqual(['b']);
    expect(finder.suggest('hoc phi con', 'NGUYEN VAN AN', 5).map((p) => p.studentId)).toEqual(['a']);
    expect(finder.suggest('tien an Le Minh Chau va Tran Thi Binh', null, 5).map((p) => p.studentId)).toEqual([
      'c',
      'b',
    ]);
    expect(finder.suggest('chuyen tien', null, 5)).toEqual([]);
  });
});
