/** Chinese numeral characters (ordinary, financial 大写 and traditional forms) and their values. */

/** Digit characters → value. 〇/○/Ｏ/零 are zero; 两/俩 two; 壹贰叁… the financial (大写) forms. Numbers are read
 *  on the rule view, where traditional characters are folded (text/charMap.ts): the financial 參 (3) reads 参 there. */
export const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0, 'Ｏ': 0, '洞': 0,
  '一': 1, '壹': 1, '幺': 1,
  '二': 2, '两': 2, '兩': 2, '贰': 2, '貳': 2, '俩': 2, '倆': 2,
  '三': 3, '叁': 3, '參': 3, '参': 3,
  '四': 4, '肆': 4,
  '五': 5, '伍': 5,
  '六': 6, '陆': 6, '陸': 6,
  '七': 7, '柒': 7,
  '八': 8, '捌': 8,
  '九': 9, '玖': 9,
};

/** Units below 万: multiply the digit before them. */
export const SMALL_UNITS: Readonly<Record<string, number>> = {
  '十': 10, '拾': 10, '什': 10,
  '百': 100, '佰': 100,
  '千': 1000, '仟': 1000,
};

/** Section units: close a group of up to four digits. */
export const BIG_UNITS: Readonly<Record<string, number>> = {
  '万': 1e4, '萬': 1e4,
  '亿': 1e8, '億': 1e8,
};

/** Decimal point words. */
export const POINTS: readonly string[] = ['点', '點'];


/** Conversion examples run by tests/numbers.test.ts (and hashed into the rules version): [written form, value or null when not a number]. */
export const NUMBER_EXAMPLES: ReadonlyArray<readonly [string, number | null]> = [
  ['〇', 0], ['零', 0], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['一百零五', 105], ['一千二百', 1200],
  ['两千三百', 2300], ['两万', 20000], ['15万', 150000], ['1.25亿', 125000000], ['3,560.8万', 35608000],
  ['3560.8万', 35608000], ['98.71', 98.71], ['二〇二三', 2023], ['一千三', 1300], ['九万四', 94000],
  ['两百五', 250], ['一千零三', 1003], ['三十五万', 350000], ['一亿二千万', 120000000], ['壹拾贰万', 120000],
  ['叁佰伍拾', 350], ['１２３', 123], ['三点五', 3.5], ['一百零五点二五', 105.25], ['2千', 2000],
  ['參拾陸萬', 360000], ['十万零五百', 100500], ['一万零一', 10001], ['12,000', 12000], ['1,200', 1200],
  ['', null], ['万', null], ['点五', null], ['1..2', null], ['abc', null], ['1,2,3', null], ['十十', null],
];
