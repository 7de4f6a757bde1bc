import { zhCN } from '../../../common/i18n/zh-CN';
import type { Notice } from '../../../common/schemas/places';
import type { PdfDocument } from '../../lib/pdf';
import { renderPdfInWorker } from '../../lib/render-pool';
import { formatShanghai } from '../../lib/time';

// The printed rectification notice (整改通知书), handed to the place and kept with the inspection.
// Pure layout: the notices service gathers the data and renders what this returns.

/**
 * The legal basis a notice cites, by the checklist's topic: a plain paragraph naming the laws and
 * regulations that apply, in our own words and without article numbers. It is copied onto the
 * notice when issued, so a notice keeps the wording it was printed with.
 */
export const LEGAL_BASIS: Record<string, string> = {
  epidemic:
    '依据《中华人民共和国传染病防治法》《中华人民共和国突发事件应对法》及本地疫情防控的有关规定，经营单位应当落实疫情防控主体责任，做好从业人员健康管理、场所清洁消毒、进出人员登记和防疫物资储备等各项措施。',
  gasSafety:
    '依据《城镇燃气管理条例》《中华人民共和国安全生产法》等有关规定，燃气使用单位应当安全用气，使用合格的燃气设施和器具，定期检查并及时消除安全隐患。',
  fireSafety:
    '依据《中华人民共和国消防法》等有关规定，任何单位和个人不得占用、堵塞、封闭疏散通道和安全出口，不得在楼道等公共区域堆放杂物妨碍通行；依据《中华人民共和国民法典》的有关规定，禁止从建筑物中抛掷物品。',
  sanitation:
    '依据《城市市容和环境卫生管理条例》等有关规定，单位和个人应当保持责任区内的市容整洁和环境卫生，不得乱堆乱放、乱贴乱画。',
  other: '依据国家和本地有关法律、法规和规章的规定。',
};

export const legalBasisFor = (topic: string): string => LEGAL_BASIS[topic] ?? LEGAL_BASIS.other;

/** 2026-12-04 as an official document writes it: 2026年12月4日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export interface NoticePdfData {
  notice: Notice;
  placeAddress: string;
  licenceNo: string | null;
  personInCharge: string | null;
  mode: string;
  checklistName: string;
  inspectedAt: string;
}

export function noticeDocument(data: NoticePdfData): PdfDocument {
  const { notice } = data;
  const modeLabel =
    zhCN.places.modes[data.mode as keyof typeof zhCN.places.modes] ?? zhCN.places.inspection;
  const inspectedOn = chineseDate(formatShanghai(data.inspectedAt).slice(0, 10));
  const where = [
    `地址：${data.placeAddress}`,
    data.licenceNo ? `营业执照号：${data.licenceNo}` : '',
    data.personInCharge ? `负责人：${data.personInCharge}` : '',
  ].filter(Boolean);
  return {
    info: { title: `整改通知书 ${notice.number}`, author: notice.issuingUnit },
    content: [
      { text: notice.issuingUnit, alignment: 'center', fontSize: 14 },
      { text: zhCN.places.notice, style: 'title' },
      { text: notice.number, alignment: 'right', margin: [0, 0, 0, 12] },
      { text: `${notice.placeName}：`, bold: true, margin: [0, 0, 0, 6] },
      {
        text: `${inspectedOn}，${notice.issuingUnit}对你单位开展${modeLabel}（${data.checklistName}），发现存在以下问题：`,
        margin: [0, 0, 0, 6],
      },
      {
        ol: notice.items.map((i) => (i.note ? `${i.text}：${i.note}` : i.text)),
        margin: [12, 0, 0, 8],
      },
      {
        text: `${notice.legalBasis}现责令你单位于 ${chineseDate(notice.deadline)} 前整改完毕，并将整改情况报告${notice.issuingUnit}。逾期未整改或者整改不到位的，将依法移交有关部门处理。`,
        margin: [0, 0, 0, 6],
      },
      ...(notice.requirement
        ? [{ text: `整改要求：${notice.requirement}`, margin: [0, 0, 0, 6] }]
        : []),
      { text: where.join('　'), color: '#555555', fontSize: 10, margin: [0, 6, 0, 24] },
      { text: notice.issuingUnit, alignment: 'right' },
      {
        text: chineseDate(formatShanghai(notice.issuedAt).slice(0, 10)),
        alignment: 'right',
        margin: [0, 0, 0, 36],
      },
      {
        text: '被检查单位负责人（签收）：________________　　签收日期：______年____月____日',
        fontSize: 10,
      },
    ],
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', margin: [0, 8, 0, 12] },
    },
  };
}

export const renderNoticePdf = (data: NoticePdfData): Promise<Buffer> =>
  renderPdfInWorker(noticeDocument(data));
