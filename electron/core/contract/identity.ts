/**
 * Identity data of hearing participants: checking it when a clerk types it,
 * and masking it wherever it could reach the public (the display in the
 * hearing room, the public version of a document). Shared with the renderer,
 * so it imports nothing outside the contract.
 */

const checksumWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

/**
 * Province-level codes of GB/T 2260, all within 11–82. Using the real list
 * instead of the whole range also catches a slip in the first two digits,
 * which the checksum lets through when another digit is wrong as well.
 */
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61',
  '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore

/** The form an ID number is stored and compared in: no surrounding blanks, an upper-case X. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * An 18-digit 居民身份证号码 (GB 11643-1999): region, birth date, sequence
 * number and the ISO 7064 MOD 11-2 check character. `today` is a parameter so
 * that a birth date "in the future" is judged against the clock the caller
 * uses. The 15-digit first-generation numbers expired in 2013 and are refused.
 */
export function isValidIdNumber(value: string, today: Date = new Date()): boolean {
  const id = normalizeIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!provinceCodes.has(id.slice(0, 2))) return false;
  if (!isPlausibleBirthDate(id.slice(6, 14), today)) return false;
  return id[17] === checkCharacterOf(id);
}

function checkCharacterOf(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * checksumWeights[i]!;
  return checkCharacters[sum % 11]!;
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  // Someone born today already holds a number, so today's local date is the last one allowed.
  const todayNumber = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  return year >= 1900 && Number(yyyymmdd) <= todayNumber;
}

/**
 * Male or female as the number encodes it (odd 17th digit = male). A number
 * that does not validate gives nothing: a gender read from a mistyped number
 * would be wrong as often as right.
 */
export function genderFromIdNumber(value: string): 'male' | 'female' | undefined {
  if (!isValidIdNumber(value)) return undefined;
  return Number(normalizeIdNumber(value)[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * `330106198001011234` → `3301**********1234`: the province and city and the
 * last digits stay, enough for the person to recognise their own number. Short
 * strings are not ID numbers; they keep only their last two characters.
 */
export function maskIdNumber(value: string): string {
  const characters = Array.from(normalizeIdNumber(value));
  if (characters.length < 9) return maskAllButLast(characters, 2);
  return characters.slice(0, 4).join('') + '*'.repeat(characters.length - 8) + characters.slice(-4).join('');
}

function maskAllButLast(characters: string[], visible: number): string {
  const hidden = Math.max(0, characters.length - visible);
  return '*'.repeat(hidden) + characters.slice(hidden).join('');
}

const mobilePattern = /^(?:\+?86)?(1[3-9]\d{9})$/;
/** Area code, subscriber number, extension; the separators may be a hyphen or a blank. */
const landlinePattern = /^(0\d{2,3})[- ]?(\d{7,8})(?:[- ](\d{1,6}))?$/;

/**
 * A mainland mobile (optionally +86 / 86, blanks and hyphens anywhere, as
 * people write `138 1234 5678` or `+86 138-1234-5678`) or a landline with
 * area code (`0571-87654321`, `010 12345678-806`).
 */
export function isValidPhone(value: string): boolean {
  return parsePhone(value) !== undefined;
}

type ParsedPhone = { kind: 'mobile'; number: string } | { kind: 'landline'; areaCode: string; number: string };

function parsePhone(value: string): ParsedPhone | undefined {
  const trimmed = value.trim();
  const mobile = mobilePattern.exec(trimmed.replace(/[\s-]/g, ''));
  if (mobile) return { kind: 'mobile', number: mobile[1]! };
  const landline = landlinePattern.exec(trimmed.replace(/\s+/g, ' '));
  if (!landline) return undefined;
  const written = landline[1]!;
  const subscriber = landline[2]!;
  // Written without a separator, `02112345678` could be split two ways;
  // the numbering plan settles it: only 010 and 02x are three digits long.
  const digits = written + subscriber;
  if (/^0\d{2,3}[- ]/.test(trimmed)) return { kind: 'landline', areaCode: written, number: subscriber };
  const areaLength = /^(?:010|02\d)/.test(digits) ? 3 : 4;
  return { kind: 'landline', areaCode: digits.slice(0, areaLength), number: digits.slice(areaLength) };
}

/**
 * `13812345678` → `138****5678` (the carrier prefix and the last four, as
 * Chinese notices print them); a landline keeps its area code and the last
 * two digits and loses any extension. Anything else keeps only its last two
 * characters.
 */
export function maskPhone(value: string): string {
  const phone = parsePhone(value);
  if (!phone) return maskAllButLast(Array.from(value.trim()), 2);
  if (phone.kind === 'mobile') return `${phone.number.slice(0, 3)}****${phone.number.slice(-4)}`;
  return `${phone.areaCode}-${'*'.repeat(phone.number.length - 2)}${phone.number.slice(-2)}`;
}

/**
 * Compound surnames a public version must keep whole. Pairs whose first
 * character is a common surname and whose second often starts a given name
 * (宗政, 乐正, 单于) are left out: taking 宗政华 for 宗政+华 when he is
 * 宗+政华 would publish a character of his given name.
 */
const compoundSurnames = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木', '西门', '南宫', '独孤', '呼延',
  '申屠', '赫连', '澹台', '淳于', '濮阳', '拓跋', '闾丘', '鲜于', '万俟', '司空', '东郭', '公冶', '太史', '亓官', '钟离', '第五', '百里',
]); // prettier-ignore

const hanCharacter = /\p{Script=Han}/u;

/**
 * A name as a public document writes it: 张三 → 张某, 王建平 → 王某某,
 * 欧阳明华 → 欧阳某某. At most two 某, as notices never write more, so that a
 * long transliterated name (阿依古丽·买买提 → 阿某某) does not betray its
 * length. A name in Latin letters becomes its initial: John Smith → J.
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  const first = characters[0];
  if (first === undefined) return '';
  if (!hanCharacter.test(first)) {
    const initial = characters.find((character) => /\p{L}/u.test(character));
    return initial === undefined ? '' : `${initial.toUpperCase()}.`;
  }
  const surnameLength = characters.length > 2 && compoundSurnames.has(characters[0]! + characters[1]!) ? 2 : 1;
  const givenLength = characters.slice(surnameLength).filter((character) => character !== '·' && character.trim() !== '').length;
  return characters.slice(0, surnameLength).join('') + '某'.repeat(Math.min(2, Math.max(1, givenLength)));
}

// After its first character a unit name holds no digit, blank or word that
// belongs to a street address (街 路 村 号 …): without that, "…市文三路幸福小区"
// would pass for a district. The first character is free because real names
// start with them (路北区, 镇平县), and 镇/乡 stay allowed (景德镇市, 新乡县).
const unitName = (maxLength: number) => `[^\\s\\d０-９省][^\\s\\d０-９省街路村号巷弄栋幢楼室组]{0,${maxLength - 1}}?`;
const addressPrefix = new RegExp(
  `^(?:${unitName(8)}(?:省|自治区)\\s*)?` + // 浙江省, 广西壮族自治区
    `${unitName(10)}(?:市|自治州|地区|盟)\\s*` + // 杭州市, 北京市, 恩施土家族苗族自治州
    // 西湖区, 云阳县, 海宁市, 鄂伦春自治旗; but 小区, 社区, 园区 … are not districts.
    `${unitName(8)}(?:(?<![小社园校景厂营宅])区|县|市|旗)`,
  'u',
);

/**
 * The part of an address a public document may show: down to the district or
 * county (浙江省杭州市西湖区***). Without a recognisable district the whole
 * address is withheld, since a town or street alone can identify a household.
 */
export function maskAddress(address: string): string {
  const trimmed = address.trim();
  const prefix = addressPrefix.exec(trimmed)?.[0];
  if (prefix === undefined) return '***';
  return prefix.length < trimmed.length ? `${prefix}***` : prefix;
}
