import type { ChecklistCreate, PlaceCreate } from '../../common/schemas/places';
import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { findUnitByName } from '../modules/org/service';
import { createChecklist } from '../modules/places/checklists';
import { createPlace } from '../modules/places/service';

type Item = ChecklistCreate['items'][number];
const item = (text: string, category: string, photoRequired: Item['photoRequired'] = 'never') => ({
  text,
  category,
  photoRequired,
});

/**
 * The district's checklists of the source page: the epidemic checks of shops (门店入口防疫设置, 一米线,
 * 亮码, 测温, 口罩, 消杀 and health ledgers, 外来人员登记 …), gas safety, and the stairwell fire-safety
 * check of 御河九号's campaign (楼道杂物, 消防通道, 高空抛物).
 */
export const DEMO_CHECKLISTS: Omit<ChecklistCreate, 'id' | 'ownerUnitId'>[] = [
  {
    name: '疫情防控检查',
    topic: 'epidemic',
    description: '经营单位疫情防控措施落实情况检查',
    items: [
      item('入口防疫设置', '入口管理', 'onFail'),
      item('一米线', '入口管理'),
      item('亮码', '入口管理'),
      item('测温', '入口管理'),
      item('佩戴口罩', '人员防护'),
      item('消杀记录', '台账记录', 'onFail'),
      item('员工健康检测台账', '台账记录', 'onFail'),
      item('外来人员登记', '台账记录', 'onFail'),
      item('防疫物资储备', '物资设施'),
      item('隔离间设置', '物资设施'),
      item('宣传海报', '宣传'),
    ],
  },
  {
    name: '燃气安全检查',
    topic: 'gasSafety',
    description: '餐饮、商铺等用气场所燃气安全隐患排查',
    items: [
      item('燃气管道、阀门无锈蚀、无漏气', '管道阀门', 'onFail'),
      item('使用合格的燃气专用软管，无老化、无穿墙', '管道阀门', 'onFail'),
      item('安装可燃气体报警器并能正常报警', '安全装置', 'onFail'),
      item('燃气灶具带熄火保护装置', '燃气器具'),
      item('液化石油气钢瓶在检验期内、不超量存放', '燃气器具', 'onFail'),
      item('用气场所通风良好，周围无易燃物品', '用气环境'),
      item('不在地下室、半地下室使用液化石油气', '用气环境'),
      item('员工会关阀、会报警、会疏散', '安全管理'),
    ],
  },
  {
    name: '楼道消防安全检查',
    topic: 'fireSafety',
    description: '住宅楼道与公共区域消防安全检查',
    items: [
      item('楼道杂物', '楼道', 'onFail'),
      item('消防通道畅通', '通道', 'onFail'),
      item('高空抛物宣传', '宣传'),
    ],
  },
];

/** Seeds the demo checklists as the district's own; returns their ids by name. */
export async function seedDemoChecklists(db: Db, caller: Caller): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of DEMO_CHECKLISTS) {
    const { checklist } = await createChecklist({ db, caller, input: c });
    ids.set(c.name, checklist.id);
  }
  return ids;
}

/** Shops and markets of the source page's scenes (names made up where the page gives none). */
const DEMO_PLACES: (Omit<PlaceCreate, 'gridId'> & { community: string; grid: string })[] = [
  {
    community: '水泊寺社区',
    grid: '第一网格',
    name: '新悦便民市场',
    category: 'convenienceMarket',
    address: '水泊寺街 18 号',
    licenceNo: '91140213MA0K1XY001',
    personInCharge: '韩立新',
    phone: '13903520101',
  },
  {
    community: '水泊寺社区',
    grid: '第一网格',
    name: '水泊寺花卉市场',
    category: 'market',
    address: '水泊寺街 36 号',
    licenceNo: '91140213MA0K1XY002',
    personInCharge: '侯晓红',
    phone: '13903520102',
  },
  {
    community: '水泊寺社区',
    grid: '第二网格',
    name: '康宁大药房水泊寺店',
    category: 'pharmacy',
    address: '水泊寺南路 5 号',
    licenceNo: '91140213MA0K1XY003',
    personInCharge: '杨春梅',
    phone: '13903520103',
  },
  {
    community: '东水泊村',
    grid: '第一网格',
    name: '百姓缘药店',
    category: 'pharmacy',
    address: '东水泊村村委会东侧',
    licenceNo: '91140213MA0K1XY004',
    personInCharge: '贾建军',
    phone: '13903520104',
  },
  {
    community: '振华南院社区',
    grid: '第一网格',
    name: '振华南院便利店',
    category: 'shop',
    address: '振华南院 3 号楼底商',
    personInCharge: '吴海涛',
    phone: '13903520105',
  },
  {
    community: '明珠社区',
    grid: '第一网格',
    name: '明珠生鲜超市',
    category: 'shop',
    address: '明珠小区北门',
    personInCharge: '刘芳',
    phone: '13903520106',
  },
  {
    community: '理想城社区',
    grid: '第二网格',
    name: '理想城家常菜馆',
    category: 'restaurant',
    address: '理想城商业街 12 号',
    personInCharge: '赵永刚',
    phone: '13903520107',
  },
  {
    community: '御河九号社区',
    grid: '第一网格',
    name: '御河九号物业服务中心',
    category: 'propertyCompany',
    address: '御河九号小区 1 号楼一层',
    personInCharge: '王建平',
    phone: '03522101009',
  },
];

/** Seeds the demo places; returns their ids by name. */
export async function seedDemoPlaces(db: Db, caller: Caller): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { community, grid, ...p } of DEMO_PLACES) {
    const c = await findUnitByName(db, 'community', community);
    const g = c && (await findUnitByName(db, 'grid', grid, c.id));
    if (!g) continue;
    const { place } = await createPlace({ db, caller, input: { ...p, gridId: g.id } });
    ids.set(p.name, place.id);
  }
  return ids;
}
