import { describe, expect, it } from 'vitest';
import {
  genderFromIdNumber,
  isValidIdNumber,
  isValidPhone,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
} from '../../../electron/core/contract/identity.js';

const hearingDay = new Date(2026, 6, 20, 9, 30);

describe('居民身份证号码 as a clerk types it', () => {
  it('accepts the example of GB 11643-1999 and a number born in a leap day', () => {
    expect(isValidIdNumber('11010519491231002X', hearingDay)).toBe(true);
    expect(isValidIdNumber('330106198503152716', hearingDay)).toBe(true);
    expect(isValidIdNumber('510107200002294521', hearingDay)).toBe(true);
  });

  it('accepts a lower-case x and blanks around a pasted number, and stores it with an upper-case X', () => {
    expect(isValidIdNumber(' 11010519491231002x ', hearingDay)).toBe(true);
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses a number whose check character does not match, as after one mistyped digit', () => {
    expect(isValidIdNumber('330106198503152717', hearingDay)).toBe(false);
    expect(isValidIdNumber('330106198503152816', hearingDay)).toBe(false);
    expect(isValidIdNumber('330106198001011234', hearingDay)).toBe(false);
  });

  it('refuses numbers of the wrong shape, including first-generation 15-digit ones', () => {
    expect(isValidIdNumber('', hearingDay)).toBe(false);
    expect(isValidIdNumber('33010685031527', hearingDay)).toBe(false);
    expect(isValidIdNumber('330106850315271', hearingDay)).toBe(false);
    expect(isValidIdNumber('3301061985031527160', hearingDay)).toBe(false);
    expect(isValidIdNumber('33010619850315X716', hearingDay)).toBe(false);
    expect(isValidIdNumber('３３０１０６１９８５０３１５２７１６', hearingDay)).toBe(false);
  });

  it('refuses a birth date that does not exist, lies before 1900 or after today, even with a correct check character', () => {
    expect(isValidIdNumber('370102199002290017', hearingDay)).toBe(false);
    expect(isValidIdNumber('440524188001010014', hearingDay)).toBe(false);
    expect(isValidIdNumber('350203202607200013', new Date(2026, 6, 19, 23, 59))).toBe(false);
    expect(isValidIdNumber('350203202607200013', hearingDay)).toBe(true);
  });

  it('refuses a region that is no province, even with a correct check character', () => {
    expect(isValidIdNumber('900106198503152712', hearingDay)).toBe(false);
    expect(isValidIdNumber('19010619850315271X', hearingDay)).toBe(false);
    expect(isValidIdNumber('830106198503152714', hearingDay)).toBe(false);
    expect(isValidIdNumber('810000198503152717', hearingDay)).toBe(true);
  });

  it('reads the gender from the 17th digit of a valid number only', () => {
    expect(genderFromIdNumber('330106198503152716')).toBe('male');
    expect(genderFromIdNumber('11010519491231002x')).toBe('female');
    expect(genderFromIdNumber('330106198503152717')).toBeUndefined();
    expect(genderFromIdNumber('')).toBeUndefined();
  });
});

describe('telephone numbers', () => {
  it('accepts mobiles written the ways people write them', () => {
    for (const phone of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '8613812345678', '19912345678']) {
      expect(isValidPhone(phone), phone).toBe(true);
    }
  });

  it('accepts landlines with an area code and an optional extension', () => {
    for (const phone of ['0571-87654321', '057187654321', '010-12345678', '021-58888888', '0571-8765432', '010-12345678-806', '0571 87654321 12']) {
      expect(isValidPhone(phone), phone).toBe(true);
    }
  });

  it('refuses what is neither', () => {
    for (const phone of [
      '',
      '12345678901',
      '1381234567',
      '138123456789',
      '87654321',
      '0571-876543',
      '010-12345678-1234567',
      '+1 415 555 0100',
      '138****5678',
    ]) {
      expect(isValidPhone(phone), phone).toBe(false);
    }
  });

  it('masks a mobile to its prefix and last four digits, whatever the prefix and separators', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks a landline to its area code and last two digits, and drops the extension', () => {
    expect(maskPhone('0571-87654321')).toBe('0571-******21');
    expect(maskPhone('057187654321')).toBe('0571-******21');
    expect(maskPhone('02158888888')).toBe('021-******88');
    expect(maskPhone('010 12345678-806')).toBe('010-******78');
    expect(maskPhone('0731-8765432')).toBe('0731-*****32');
  });

  it('still hides something that is not a telephone number', () => {
    expect(maskPhone('87654321')).toBe('******21');
    expect(maskPhone('')).toBe('');
  });
});

describe('the public version of identity data', () => {
  it('masks an ID number to its first and last four characters', () => {
    expect(maskIdNumber('330106198001011234')).toBe('3301**********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
  });

  it('keeps only the last two characters of something too short to be an ID number', () => {
    expect(maskIdNumber('A1234567')).toBe('******67');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
    expect(maskIdNumber('')).toBe('');
  });

  it('writes a Chinese name as notices do: surname and one 某 per hidden character', () => {
    expect(maskName('张三')).toBe('张某');
    expect(maskName('王建平')).toBe('王某某');
    expect(maskName(' 李秀英 ')).toBe('李某某');
  });

  it('keeps a compound surname whole', () => {
    expect(maskName('欧阳明华')).toBe('欧阳某某');
    expect(maskName('诸葛亮')).toBe('诸葛某');
    expect(maskName('司马')).toBe('司某');
  });

  it('does not take a common surname and the start of a given name for a compound surname', () => {
    expect(maskName('宗政华')).toBe('宗某某');
  });

  it('never writes more than two 某, so a long name does not betray its length', () => {
    expect(maskName('阿依古丽·买买提')).toBe('阿某某');
  });

  it('reduces a name in Latin letters to its initial', () => {
    expect(maskName('John Smith')).toBe('J.');
    expect(maskName('maria')).toBe('M.');
    expect(maskName('')).toBe('');
  });

  it('keeps an address down to the district or county', () => {
    expect(maskAddress('浙江省杭州市西湖区文三路100号2幢301室')).toBe('浙江省杭州市西湖区***');
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区***');
    expect(maskAddress('广西壮族自治区南宁市青秀区民族大道')).toBe('广西壮族自治区南宁市青秀区***');
    expect(maskAddress('湖北省恩施土家族苗族自治州恩施市舞阳坝街道')).toBe('湖北省恩施土家族苗族自治州恩施市***');
    expect(maskAddress('重庆市云阳县青龙街道')).toBe('重庆市云阳县***');
    expect(maskAddress('内蒙古自治区呼伦贝尔市鄂伦春自治旗阿里河镇')).toBe('内蒙古自治区呼伦贝尔市鄂伦春自治旗***');
  });

  it('keeps district names that look like address words', () => {
    expect(maskAddress('山东省济南市市中区经七路')).toBe('山东省济南市市中区***');
    expect(maskAddress('河北省唐山市路北区新华道')).toBe('河北省唐山市路北区***');
    expect(maskAddress('江西省景德镇市浮梁县')).toBe('江西省景德镇市浮梁县');
  });

  it('withholds the whole address when no district can be found', () => {
    expect(maskAddress('浙江省杭州市幸福小区3栋')).toBe('***');
    expect(maskAddress('杭州市文三路100号')).toBe('***');
    expect(maskAddress('浙江省海宁市硖石街道')).toBe('***');
    expect(maskAddress('')).toBe('***');
  });
});
