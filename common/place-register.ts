import { zhCN } from './i18n/zh-CN';

const f = zhCN.places.fields;

/**
 * The places register (场所台账) as an .xlsx sheet: one row per place. The template writes these
 * headers; an office's own register is mapped to them column by column (the header, an alias
 * offices use, or a close match), and the user confirms. 社区 and 网格 (fixable) may instead be
 * chosen once for the whole file.
 */
export const placeColumns = [
  {
    key: 'name',
    header: f.name,
    required: true,
    aliases: ['场所名称', '单位名称', '店名', '店铺名称', '门店名称', '商户名称', '企业名称'],
  },
  {
    key: 'category',
    header: f.category,
    required: true,
    aliases: ['场所类别', '类型', '场所类型', '单位类型', '行业', '行业类别', '经营类别'],
  },
  {
    key: 'community',
    header: f.community,
    required: true,
    fixable: true,
    aliases: ['所属社区', '社区名称', '村社区', '社区村', '村居'],
  },
  {
    key: 'grid',
    header: f.grid,
    required: true,
    fixable: true,
    aliases: ['所属网格', '网格名称', '网格名'],
  },
  {
    key: 'address',
    header: f.address,
    required: true,
    aliases: ['详细地址', '经营地址', '经营场所', '场所地址', '单位地址'],
  },
  {
    key: 'licenceNo',
    header: f.licenceNo,
    aliases: [
      '统一社会信用代码',
      '社会信用代码',
      '信用代码',
      '执照号',
      '营业执照',
      '营业执照号码',
      '注册号',
    ],
  },
  {
    key: 'personInCharge',
    header: f.personInCharge,
    aliases: ['经营者', '法人', '法定代表人', '法人代表', '联系人', '店主', '负责人姓名'],
  },
  {
    key: 'phone',
    header: f.phone,
    // A header naming whose phone it is must not be taken for that person's name (close match).
    aliases: [
      '电话',
      '手机',
      '手机号',
      '手机号码',
      '联系方式',
      '电话号码',
      '负责人电话',
      '联系人电话',
      '法人电话',
    ],
  },
  { key: 'lat', header: f.lat, aliases: [] },
  { key: 'lng', header: f.lng, aliases: [] },
] as const satisfies readonly {
  key: string;
  header: string;
  required?: boolean;
  fixable?: boolean;
  aliases: readonly string[];
}[];
export type PlaceColumnKey = (typeof placeColumns)[number]['key'];
