import ExcelJS from 'exceljs';
import { idCheckDigit } from '../../common/people';

/** The demo street's communities and grids a generated register spreads its households over. */
const PLACES = [
  { community: '振华东社区', grids: ['第一网格', '第二网格', '第三网格', '第四网格'] },
  { community: '振华西社区', grids: ['第一网格', '第二网格'] },
];
const RELATIONS = ['户主', '配偶', '子女', '子女'];
const DAY = 86_400_000;
const FIRST_BIRTH = Date.UTC(1940, 0, 1);

/**
 * A street's register of `rows` residents in households of 1 to 4 (the template's headers), written
 * with exceljs's streaming writer so that even 100,000 rows take little memory. Every ID number is
 * valid (GB 11643 check digit) and distinct; answers how many households the file holds.
 */
export async function writeStreetRegister(
  file: string,
  rows: number,
): Promise<{ households: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('居民台账');
  ws.addRow([
    '社区',
    '网格',
    '楼栋',
    '单元',
    '门牌/室',
    '与户主关系',
    '姓名',
    '出生日期',
    '身份证号',
    '联系电话',
    '重点人群标签',
  ]).commit();
  let n = 0;
  let h = 0;
  for (; n < rows; h++) {
    const place = PLACES[h % PLACES.length];
    const size = Math.min((h % 4) + 1, rows - n);
    for (let m = 0; m < size; m++, n++) {
      const birth = new Date(FIRST_BIRTH + (n % 20_000) * DAY).toISOString().slice(0, 10);
      const first17 = `140202${birth.replaceAll('-', '')}${String(Math.floor(n / 20_000)).padStart(3, '0')}`;
      ws.addRow([
        place.community,
        place.grids[h % place.grids.length],
        String(1 + Math.floor(h / 400)),
        '1',
        String(101 + (h % 400)),
        RELATIONS[m],
        `居民${h}之${m}`,
        birth,
        first17 + idCheckDigit(first17),
        m === 0 ? `139${String(h).padStart(8, '0')}` : null,
        birth < '1946-01-01' ? '高龄' : null,
      ]).commit();
    }
  }
  ws.commit();
  await wb.commit();
  return { households: h };
}
