import { describe, expect, it } from 'vitest';
import { zhCN } from './i18n/zh-CN';
import { roleLabelKey } from './roles';

const label = (key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhCN);

describe('roleLabelKey', () => {
  it('names a support station officer 部门工作人员, an enforcement officer 部门执法人员', () => {
    expect(label(roleLabelKey('departmentOfficer', '市军供站'))).toBe('部门工作人员');
    expect(label(roleLabelKey('departmentOfficer', '市场监督管理局'))).toBe('部门执法人员');
    expect(label(roleLabelKey('departmentOfficer', '水泊寺街道综合行政执法队'))).toBe(
      '部门执法人员',
    );
    expect(label(roleLabelKey('socialWorker', '振华街道社工站'))).toBe('社工');
    expect(label(roleLabelKey('departmentOfficer'))).toBe('部门执法人员');
  });
});
