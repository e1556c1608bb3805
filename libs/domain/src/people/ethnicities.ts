/**
 * The 54 ethnic groups of Vietnam with the General Statistics Office codes (Decision 121-TCTK/PPCĐ, 1979),
 * as used in school records and the department's statistics.
 */
export const ETHNICITIES: readonly { code: string; name: string }[] = [
  ['01', 'Kinh'],
  ['02', 'Tày'],
  ['03', 'Thái'],
  ['04', 'Hoa'],
  ['05', 'Khơ-me'],
  ['06', 'Mường'],
  ['07', 'Nùng'],
  ['08', 'Mông'],
  ['09', 'Dao'],
  ['10', 'Gia-rai'],
  ['11', 'Ngái'],
  ['12', 'Ê-đê'],
  ['13', 'Ba-na'],
  ['14', 'Xơ-đăng'],
  ['15', 'Sán Chay'],
  ['16', 'Cơ-ho'],
  ['17', 'Chăm'],
  ['18', 'Sán Dìu'],
  ['19', 'Hrê'],
  ['20', 'Mnông'],
  ['21', 'Ra-glai'],
  ['22', 'Xtiêng'],
  ['23', 'Bru-Vân Kiều'],
  ['24', 'Thổ'],
  ['25', 'Giáy'],
  ['26', 'Cơ-tu'],
  ['27', 'Gié-Triêng'],
  ['28', 'Mạ'],
  ['29', 'Khơ-mú'],
  ['30', 'Co'],
  ['31', 'Tà-ôi'],
  ['32', 'Chơ-ro'],
  ['33', 'Kháng'],
  ['34', 'Xinh-mun'],
  ['35', 'Hà Nhì'],
  ['36', 'Chu-ru'],
  ['37', 'Lào'],
  ['38', 'La Chí'],
  ['39', 'La Ha'],
  ['40', 'Phù Lá'],
  ['41', 'La Hủ'],
  ['42', 'Lự'],
  ['43', 'Lô Lô'],
  ['44', 'Chứt'],
  ['45', 'Mảng'],
  ['46', 'Pà Thẻn'],
  ['47', 'Cơ Lao'],
  ['48', 'Cống'],
  ['49', 'Bố Y'],
  ['50', 'Si La'],
  ['51', 'Pu Péo'],
  ['52', 'Brâu'],
  ['53', 'Ơ Đu'],
  ['54', 'Rơ-măm'],
].map(([code, name]) => ({ code, name }));

export const ETHNICITY_CODES: readonly string[] = ETHNICITIES.map((e) => e.code);

export function isEthnicityCode(value: unknown): value is string {
  return typeof value === 'string' && ETHNICITY_CODES.includes(value);
}

/** Finds a group by its name as people write it: case, accents of the ASCII letters and hyphens are forgiven. */
export function ethnicityByName(name: string): { code: string; name: string } | undefined {
  const key = (s: string) =>
    s
      .normalize('NFC')
      .toLocaleLowerCase('vi')
      .replace(/[-\s]+/g, ' ')
      .trim();
  const wanted = key(name);
  return (
    ETHNICITIES.find((e) => key(e.name) === wanted) ??
    (wanted === 'hmông' || wanted === 'h mông' ? ETHNICITIES[7] : undefined)
  );
}
