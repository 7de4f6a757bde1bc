import { messages as activities } from './en-US/activities';
import { messages as audit } from './en-US/audit';
import { messages as campaigns } from './en-US/campaigns';
import { messages as caseUi } from './en-US/case-ui';
import { messages as cases } from './en-US/cases';
import { messages as core } from './en-US/core';
import { messages as issues } from './en-US/issues';
import { messages as operations } from './en-US/operations';
import { messages as org } from './en-US/org';
import { messages as patrols } from './en-US/patrols';
import { messages as people } from './en-US/people';
import { messages as places } from './en-US/places';
import { messages as staff } from './en-US/staff';
import { messages as surveys } from './en-US/surveys';
import { messages as tips } from './en-US/tips';
import type { Messages } from './zh-CN';

/** The English words, one file per module under en-US/, each typed by its zh-CN part. */
export const enUS: Messages = {
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
