// 场所 (places): the codes of places, checklists, inspections and notices; labels in the i18n.
import { z } from 'zod';

/** Kinds of place (场所 / 实有单位); labels in the i18n group `places.categories`. */
export const placeCategories = [
  'shop', // 商铺
  'convenienceMarket', // 便民市场
  'market', // 市场
  'pharmacy', // 药店
  'restaurant', // 餐饮
  'enterprise', // 企业
  'propertyCompany', // 物业公司
  'publicUnit', // 机关事业单位
  'school', // 学校
  'other',
] as const;
export const placeStatuses = ['active', 'closed'] as const;

/** What a checklist is about; it decides the issue category and the legal basis on a notice. */
export const checklistTopics = [
  'epidemic',
  'gasSafety',
  'fireSafety',
  'sanitation',
  'other',
] as const;
/** When an item needs a photo: never, when it fails, or whatever the result (not applicable never needs one). */
export const photoRequirements = ['never', 'onFail', 'always'] as const;
export const inspectionModes = ['routine', 'unannounced', 'joint'] as const;
export const itemResults = ['pass', 'fail', 'notApplicable'] as const;
/** draft → (submit) → completed, or awaitingSignOff until every named department has signed. */
export const inspectionStatuses = ['draft', 'awaitingSignOff', 'completed'] as const;
export const inspectionResults = ['pass', 'fail'] as const;
/** issued → rectified (a re-inspection found every item fixed) or notRectified (and re-inspected again). */
export const noticeStatuses = ['issued', 'rectified', 'notRectified'] as const;

export const zPlaceCategory = z.enum(placeCategories);
export const zChecklistTopic = z.enum(checklistTopics);
export const zInspectionMode = z.enum(inspectionModes);
export const zItemResult = z.enum(itemResults);
