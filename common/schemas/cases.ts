/**
 * The contract of 个案 (cases), one file per part: the codes, the stage forms, the case, its
 * service records, resources and referrals, and care rules with 今日's to-dos.
 */
export * from './cases/codes';
export * from './cases/forms';
export * from './cases/case';
export * from './cases/records';
export * from './cases/resources';
export * from './cases/care';
