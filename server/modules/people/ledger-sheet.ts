import { ledgerColumns, type LedgerColumnKey } from '../../../common/ledger';
import {
  careTagLabels,
  disabilityCategoryLabels,
  economicStatusLabels,
  genderLabels,
  housingLabels,
  incomeSourceLabels,
  registrationStatusLabels,
  relationLabels,
  selfCareLabels,
} from '../../../common/people-labels';
import { renderWorkbookInWorker } from '../../lib/render-pool';
import type { SheetColumn } from '../../lib/workbook';

/** The places register's import still reads a whole workbook at once; these bound it. */
export const LEDGER_MAX_ROWS = 20_000;
export const LEDGER_MAX_BYTES = 10 * 1024 * 1024;
const SHEET_NAME = '居民台账';
/** Columns whose cells must stay text: Excel turns long digit strings into numbers and drops digits. */
export const TEXT_COLUMNS = new Set<LedgerColumnKey>([
  'building',
  'unitNo',
  'room',
  'birthDate',
  'idNumber',
  'phone',
  'householdNo',
]);

/** The choices of each column that takes codes, as the register writes them. */
export const ledgerChoices: Partial<Record<LedgerColumnKey, Record<string, string>>> = {
  relation: relationLabels,
  gender: genderLabels,
  registrationStatus: registrationStatusLabels,
  careTags: careTagLabels,
  selfCare: selfCareLabels,
  disabilityCategory: disabilityCategoryLabels,
  disabilityGrade: { 1: '1级', 2: '2级', 3: '3级', 4: '4级' },
  housing: housingLabels,
  incomeSources: incomeSourceLabels,
  economicStatus: economicStatusLabels,
};
const MULTI_CHOICE = new Set<LedgerColumnKey>(['careTags', 'incomeSources']);

/** The empty register to fill in: the columns, notes on each header, choice lists, and a sheet of instructions. */
export async function ledgerTemplate(): Promise<Buffer> {
  const columns = ledgerColumns.map((c): SheetColumn => {
    const choices = ledgerChoices[c.key];
    return {
      header: c.header,
      key: c.key,
      width: Math.max(10, c.header.length * 2 + 4, c.key === 'idNumber' ? 22 : 0),
      type: TEXT_COLUMNS.has(c.key) ? 'text' : undefined,
      required: 'required' in c && c.required,
      note: 'hint' in c ? c.hint : undefined,
      // A drop-down to pick from; other words (本人, 儿子 …) are still accepted on import.
      choices: choices && !MULTI_CHOICE.has(c.key) ? Object.values(choices) : undefined,
    };
  });
  const help = ledgerColumns.map((c) => {
    const choices = ledgerChoices[c.key];
    return {
      header: c.header,
      required: 'required' in c && c.required ? '是' : '',
      hint: 'hint' in c ? c.hint : '',
      choices: choices ? Object.values(choices).join('、') : '',
    };
  });
  const lines = [
    '每行一位居民。有户号时户号相同的行为同一户；否则户主姓名和地址（社区、网格、楼栋、单元、门牌/室）都相同的行为同一户；都没有时地址相同的行为同一户。每户须恰有一行的与户主关系为“户主”。',
    '住房、收入来源、经济状况、家庭备注是户的信息，只读户主那一行。',
    '导入时先核对每一列对应的项目，再检查每一行，列出问题；确认后导入没有问题的行。',
    '成员行有问题不影响本户和其他成员导入；问题行可下载修改后再上传，会加入已登记的户。户主行有问题时，整户等户主行改正后再导入。',
  ];
  return renderWorkbookInWorker({
    sheets: [
      { name: SHEET_NAME, columns, rows: [], frozenHeader: true },
      {
        name: '填写说明',
        columns: [
          { header: '列名', key: 'header', width: 14 },
          { header: '必填', key: 'required', width: 6 },
          { header: '说明', key: 'hint', width: 40 },
          { header: '可选值', key: 'choices', width: 80 },
        ],
        rows: [...help, {}, ...lines.map((line) => ({ header: line }))],
      },
    ],
  });
}
