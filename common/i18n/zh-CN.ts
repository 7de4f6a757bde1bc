import { messages as activities } from './zh-CN/activities';
import { messages as audit } from './zh-CN/audit';
import { messages as campaigns } from './zh-CN/campaigns';
import { messages as caseUi } from './zh-CN/case-ui';
import { messages as cases } from './zh-CN/cases';
import { messages as core } from './zh-CN/core';
import { messages as issues } from './zh-CN/issues';
import { messages as operations } from './zh-CN/operations';
import { messages as org } from './zh-CN/org';
import { messages as patrols } from './zh-CN/patrols';
import { messages as people } from './zh-CN/people';
import { messages as places } from './zh-CN/places';
import { messages as staff } from './zh-CN/staff';
import { messages as surveys } from './zh-CN/surveys';
import { messages as tips } from './zh-CN/tips';
import type { Widen } from './public';

/**
 * zh-CN is the source language: every key is defined here first; en-US must have the same keys
 * (its parts are typed by these, and a test compares the whole). The words live in one file per
 * module under zh-CN/ (the part names are parts.ts); the server uses them all at once, the web loads
 * the core with the signed-in app and a module's part with its pages.
 */
export const zhCN = {
  ...core,
  ...activities,
  ...audit,
  ...campaigns,
  ...cases,
  ...caseUi,
  ...issues,
  ...operations,
  ...org,
  ...patrols,
  ...people,
  ...places,
  ...staff,
  ...surveys,
  ...tips,
};

export type Messages = Widen<typeof zhCN>;
