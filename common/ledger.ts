import type { Locale } from './i18n';

/**
 * The household register (居民台账) as an .xlsx sheet: one row per resident. Rows form households
 * by 户号 when the file has it, else by 户主姓名 and address, else by address (社区 + 网格 + 楼栋 +
 * 单元 + 门牌/室); the head is the row whose 与户主关系 is 户主 (or 本人), and the household's own
 * fields are read from its row. Columns are matched to these fields by their header (the header, an
 * alias offices use, or a close match) and the user confirms the match; 社区 and 网格 (fixable) may
 * instead be chosen once for the whole file.
 */
export const ledgerColumns = [
  {
    key: 'community',
    header: '社区',
    required: true,
    fixable: true,
    hint: '社区全称，如 振华东社区',
    aliases: ['所属社区', '社区名称', '村社区', '社区村', '村居'],
  },
  {
    key: 'grid',
    header: '网格',
    required: true,
    fixable: true,
    hint: '该社区下的网格，如 第一网格',
    aliases: ['所属网格', '网格名称', '网格名'],
  },
  {
    key: 'building',
    header: '楼栋',
    required: true,
    hint: '楼号，如 3',
    aliases: ['楼号', '楼栋号', '楼幢', '幢号', '栋号'],
  },
  { key: 'unitNo', header: '单元', hint: '单元号，如 2；平房可空', aliases: ['单元号'] },
  {
    key: 'room',
    header: '门牌/室',
    required: true,
    hint: '门牌或房号，如 101',
    aliases: ['门牌', '门牌号', '室', '房号', '房间号', '室号', '户室号'],
  },
  {
    key: 'relation',
    header: '与户主关系',
    required: true,
    hint: '每户恰有一行填 户主（或 本人）',
    aliases: ['关系', '与户主的关系'],
  },
  { key: 'name', header: '姓名', required: true, aliases: ['居民姓名', '人员姓名'] },
  { key: 'gender', header: '性别', hint: '男 / 女；空则按身份证号' },
  {
    key: 'birthDate',
    header: '出生日期',
    hint: '如 1986-03-08；空则按身份证号',
    aliases: ['出生年月日', '生日'],
  },
  { key: 'ethnicity', header: '民族', hint: '如 汉族' },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    hint: '18 位，末位可为 X；请保持文本格式',
    aliases: ['身份证号码', '公民身份号码', '公民身份证号码', '证件号码', '身份证'],
  },
  {
    key: 'phone',
    header: '联系电话',
    hint: '手机或固定电话',
    aliases: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
  },
  {
    key: 'registrationStatus',
    header: '户籍状态',
    hint: '空则为 户在人在',
    aliases: ['人户状态', '户籍情况'],
  },
  {
    key: 'careTags',
    header: '重点人群标签',
    hint: '可填多个，用逗号或顿号分隔',
    aliases: ['标签', '重点人群', '重点人群类别', '人员类别', '特殊人群', '人群类别'],
  },
  { key: 'selfCare', header: '自理能力' },
  { key: 'disabilityCategory', header: '残疾类别', hint: '有残疾时与残疾等级一起填' },
  { key: 'disabilityGrade', header: '残疾等级', hint: '1–4 级' },
  { key: 'healthNotes', header: '健康状况', hint: '敏感信息，加密保存', aliases: ['健康情况'] },
  {
    key: 'housing',
    header: '住房',
    household: true,
    hint: '户的信息，填在户主行',
    aliases: ['住房情况'],
  },
  {
    key: 'incomeSources',
    header: '收入来源',
    household: true,
    hint: '户的信息，填在户主行；可填多个',
  },
  { key: 'economicStatus', header: '经济状况', household: true, hint: '户的信息，填在户主行' },
  {
    key: 'householdNotes',
    header: '家庭备注',
    household: true,
    hint: '户的信息，填在户主行',
    aliases: ['备注'],
  },
  {
    key: 'householdNo',
    header: '户号',
    hint: '同一户的行填相同户号；有户号时按户号分户',
    aliases: ['户编号', '家庭编号'],
  },
  {
    key: 'headName',
    header: '户主姓名',
    hint: '同一户的行填相同户主；一个门牌住几户时据此分户',
    aliases: ['户主'],
  },
] as const satisfies readonly {
  key: string;
  header: string;
  required?: boolean;
  fixable?: boolean;
  household?: boolean;
  hint?: string;
  aliases?: readonly string[];
}[];
export type LedgerColumnKey = (typeof ledgerColumns)[number]['key'];

/** The column added to the sheet of rows with problems. */
export const LEDGER_REASON_HEADER = '问题';

export const ledgerProblemCodes = [
  'REQUIRED',
  'INVALID',
  'UNKNOWN_LABEL',
  'BAD_DATE',
  'TOO_LONG',
  'BAD_PHONE',
  'BAD_GRADE',
  'ID_AS_NUMBER',
  'ID_FORMAT',
  'ID_CHECK_DIGIT',
  'ID_BIRTH_DATE',
  'ID_MISMATCH',
  'UNKNOWN_COMMUNITY',
  'AMBIGUOUS_COMMUNITY',
  'UNKNOWN_GRID',
  'DUPLICATE_STORED',
  'DUPLICATE_IN_FILE',
  'NO_HEAD',
  'MANY_HEADS',
  'ADDRESS_TAKEN',
  'HOUSEHOLD_SKIPPED',
] as const;
export type LedgerProblemCode = (typeof ledgerProblemCodes)[number];

/** Why a row cannot be imported, in each language; {{…}} are filled in by the server. */
export const ledgerProblemMessages: Record<Locale, Record<LedgerProblemCode, string>> = {
  'zh-CN': {
    REQUIRED: '必填，不能为空',
    INVALID: '「{{value}}」格式不正确',
    UNKNOWN_LABEL: '「{{value}}」不是可选的值（可选：{{options}}）',
    BAD_DATE: '「{{value}}」不是有效的日期，请写成 1986-03-08',
    TOO_LONG: '超过 {{max}} 个字',
    BAD_PHONE: '「{{value}}」不是手机号或固定电话',
    BAD_GRADE: '残疾等级应为 1 至 4 级',
    ID_AS_NUMBER: '身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为文本后重新填写',
    ID_FORMAT: '身份证号应为 18 位，前 17 位为数字，末位为数字或 X',
    ID_CHECK_DIGIT: '身份证号校验位不正确（GB 11643），请核对',
    ID_BIRTH_DATE: '身份证号中的出生日期不存在',
    ID_MISMATCH: '与身份证号不符（身份证号为{{value}}）',
    UNKNOWN_COMMUNITY: '您的数据范围内没有名为「{{value}}」的社区',
    AMBIGUOUS_COMMUNITY: '您的数据范围内有多个名为「{{value}}」的社区，请分开导入',
    UNKNOWN_GRID: '「{{community}}」在您的数据范围内没有名为「{{value}}」的网格',
    DUPLICATE_STORED: '系统中已登记该身份证号的居民',
    DUPLICATE_IN_FILE: '与第 {{other}} 行的身份证号相同',
    NO_HEAD:
      '该户（{{count}} 行）没有户主行，系统中也找不到可加入的户：须有一行与户主关系为“户主”，或填写已登记户的户号、户主姓名',
    MANY_HEADS:
      '该户（{{count}} 行）有 {{heads}} 个户主行，只能有一个；一个门牌住几户时，请用户号或户主姓名列分开',
    ADDRESS_TAKEN: '该地址已登记过一户；导入只新建户，增减成员请在该户页面操作',
    HOUSEHOLD_SKIPPED: '本户户主行（第 {{rows}} 行）有问题，户主行改正后本行随户一起导入',
  },
  'en-US': {
    REQUIRED: 'Required',
    INVALID: '"{{value}}" is not valid',
    UNKNOWN_LABEL: '"{{value}}" is not one of the choices ({{options}})',
    BAD_DATE: '"{{value}}" is not a valid date; write it as 1986-03-08',
    TOO_LONG: 'Longer than {{max}} characters',
    BAD_PHONE: '"{{value}}" is not a mobile or landline number',
    BAD_GRADE: 'The disability grade must be 1 to 4',
    ID_AS_NUMBER:
      'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again',
    ID_FORMAT: 'An ID number has 18 characters: 17 digits and a digit or X',
    ID_CHECK_DIGIT: 'The ID number’s check character is wrong (GB 11643)',
    ID_BIRTH_DATE: 'The birth date inside the ID number does not exist',
    ID_MISMATCH: 'Does not match the ID number (which says {{value}})',
    UNKNOWN_COMMUNITY: 'There is no community named "{{value}}" in your area',
    AMBIGUOUS_COMMUNITY:
      'Your area has several communities named "{{value}}": import them separately',
    UNKNOWN_GRID: '"{{community}}" has no grid named "{{value}}" in your area',
    DUPLICATE_STORED: 'A resident with this ID number is already registered',
    DUPLICATE_IN_FILE: 'Same ID number as row {{other}}',
    NO_HEAD:
      'This household ({{count}} rows) has no head row and no registered household to join: one row must say 户主, or give the registered household’s number or head',
    MANY_HEADS:
      'This household ({{count}} rows) has {{heads}} heads; when several households share a door, tell them apart with a household-number or head-name column',
    ADDRESS_TAKEN:
      'A household is already registered at this address; the import only creates households, change members on its page',
    HOUSEHOLD_SKIPPED:
      'The head’s row of this household (row {{rows}}) has problems: this row is imported with the household once the head’s row is fixed',
  },
};

/** Why a whole file is refused (answered as VALIDATION_FAILED on the field "file"). */
export const ledgerFileMessages: Record<
  Locale,
  { notXlsx: string; noHeader: string; missingColumns: string; tooManyRows: string }
> = {
  'zh-CN': {
    notXlsx: '请上传 .xlsx 格式的 Excel 文件（请求体为文件本身）',
    noHeader: '前 10 行中找不到表头（须含“姓名”“社区”等列名），请使用导入模板',
    missingColumns: '缺少必填列：{{columns}}',
    tooManyRows: '一次最多导入 {{max}} 行，请分批导入',
  },
  'en-US': {
    notXlsx: 'Send an .xlsx Excel file as the request body',
    noHeader:
      'No header row in the first 10 rows (it names columns such as 姓名 and 社区): use the template',
    missingColumns: 'Required columns are missing: {{columns}}',
    tooManyRows: 'At most {{max}} rows per import: split the file',
  },
};
