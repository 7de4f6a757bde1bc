import type { Locale } from './i18n';

/** The columns a problem file adds to the original ones; on upload they are never imported. */
export const IMPORT_ROW_HEADER = '原行号';
export const IMPORT_REASON_HEADER = '问题';
export const IMPORT_IGNORED_HEADERS = [IMPORT_ROW_HEADER, IMPORT_REASON_HEADER] as const;

/** Limits of one import: a whole street's register in one file. */
export const IMPORT_MAX_ROWS = 200_000;
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export const importMessageKeys = [
  'notSheet',
  'xls',
  'tooBig',
  'empty',
  'noHeader',
  'noHeaderPlaces',
  'tooManyRows',
  'unknownField',
  'fieldTwice',
  'missingFields',
  'fixedOutOfScope',
  'notMapping',
  'notChecked',
  'busy',
  'failed',
  'fileGone',
] as const;
export type ImportMessageKey = (typeof importMessageKeys)[number];

/** Why an upload, a mapping or a commit is refused, or an import failed; {{…}} filled in by the server. */
export const importMessages: Record<Locale, Record<ImportMessageKey, string>> = {
  'zh-CN': {
    notSheet: '请上传 .xlsx 格式的 Excel 文件或 .csv 文件（请求体为文件本身）',
    xls: '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再上传',
    tooBig: '文件超过 {{max}} MB，请分成几个文件导入',
    empty: '文件中没有数据',
    noHeader: '前 {{rows}} 行中找不到表头（须有一行写着“姓名”“身份证号”等列名）',
    noHeaderPlaces: '前 {{rows}} 行中找不到表头（须有一行写着“名称”“类别”“地址”等列名）',
    tooManyRows: '一次最多导入 {{max}} 行，请分成几个文件导入',
    unknownField: '「{{value}}」不是可导入的项目',
    fieldTwice: '「{{field}}」对应了多列（{{columns}}），每项只能对应一列',
    missingFields: '还没有对应必填项：{{fields}}（社区、网格也可为整个文件选定一个）',
    fixedOutOfScope: '所选的社区或网格不在您的数据范围内，或网格不属于所选社区',
    notMapping: '该导入已确认过列对应，不能再修改',
    notChecked: '该导入还没有检查完，检查完后才能导入',
    busy: '该导入正在写入，不能取消',
    failed: '导入时出错（{{detail}}），请重新上传文件',
    fileGone: '上传的文件已不在服务器上，请重新上传',
  },
  'en-US': {
    notSheet: 'Send an .xlsx Excel file or a .csv file as the request body',
    xls: 'This is an old Excel file (.xls): open it in Excel, “Save as” .xlsx, and upload that',
    tooBig: 'The file is larger than {{max}} MB: split it into several files',
    empty: 'The file holds no data',
    noHeader:
      'No header row in the first {{rows}} rows (a row naming columns such as 姓名 and 身份证号)',
    noHeaderPlaces:
      'No header row in the first {{rows}} rows (a row naming columns such as 名称, 类别 and 地址)',
    tooManyRows: 'At most {{max}} rows per import: split the file',
    unknownField: '"{{value}}" is not something that can be imported',
    fieldTwice: '"{{field}}" is given to several columns ({{columns}}); each goes to one column',
    missingFields:
      'Required items are not matched to a column yet: {{fields}} (社区 and 网格 may be chosen once for the whole file)',
    fixedOutOfScope:
      'The chosen community or grid is not in your area, or the grid is not in that community',
    notMapping: 'The columns of this import were confirmed already',
    notChecked: 'This import is still being checked; import it when the check is done',
    busy: 'This import is being written and cannot be cancelled',
    failed: 'The import failed ({{detail}}): upload the file again',
    fileGone: 'The uploaded file is no longer on the server: upload it again',
  },
};

/** The labels of the mapping fields that are not columns of the template. */
export const importFieldLabels: Record<Locale, Record<string, string>> = {
  'zh-CN': {},
  'en-US': {
    community: 'Community',
    grid: 'Grid',
    building: 'Building',
    unitNo: 'Unit',
    room: 'Door / room',
    relation: 'Relation to head',
    name: 'Name',
    gender: 'Gender',
    birthDate: 'Birth date',
    ethnicity: 'Ethnicity',
    idNumber: 'ID number',
    phone: 'Phone',
    registrationStatus: 'Registration status',
    careTags: 'Care tags',
    selfCare: 'Self-care',
    disabilityCategory: 'Disability category',
    disabilityGrade: 'Disability grade',
    healthNotes: 'Health',
    housing: 'Housing',
    incomeSources: 'Income sources',
    economicStatus: 'Economic status',
    householdNotes: 'Household notes',
    householdNo: 'Household number',
    headName: 'Head of household',
    category: 'Category',
    address: 'Address',
    licenceNo: 'Licence number',
    personInCharge: 'Person in charge',
    lat: 'Latitude',
    lng: 'Longitude',
  },
};
