import { describe, expect, it } from 'vitest';
import {
  assignPseudonyms,
  defaultPseudonym,
  givenNameOf,
  REDACTED,
  revealsName,
  scrubText,
  surnameOf,
  type Redaction,
} from './redaction';

const wang: Redaction = {
  names: [
    { real: '王鹏', pseudonym: '王某' },
    { real: '赵丽', pseudonym: '赵某' },
    { real: '王子涵', pseudonym: '小王' },
  ],
  idNumbers: ['14990119860417001X'],
  phones: ['13512340417', '03521234567'],
  birthDates: ['1986-04-17', '2015-03-21'],
  addresses: ['振华东社区6号楼1单元302室'],
};

describe('pseudonyms', () => {
  it('finds the surname, compound ones included, and none in a pet name', () => {
    expect(surnameOf('王鹏')).toBe('王');
    expect(surnameOf('欧阳娜娜')).toBe('欧阳');
    expect(surnameOf('小阳')).toBeNull();
    expect(surnameOf('Li')).toBeNull();
    expect(givenNameOf('李秀梅')).toBe('秀梅');
    expect(givenNameOf('王鹏')).toBeNull();
  });

  it('makes an adult 王某 and a child 小王 by default', () => {
    expect(defaultPseudonym('王鹏', false)).toBe('王某');
    expect(defaultPseudonym('欧阳娜娜', false)).toBe('欧阳某');
    expect(defaultPseudonym('王子涵', true)).toBe('小王');
    expect(defaultPseudonym('小阳', true)).toBe('小某');
    expect(defaultPseudonym('小阳', false)).toBe('某某');
  });

  it('gives everyone in the household a different pseudonym that reveals no real name', () => {
    const p = assignPseudonyms({ id: 'c', name: '王鹏', minor: false, pseudonym: null }, [
      { id: 'c', name: '王鹏', minor: false },
      { id: 'w', name: '赵丽', minor: false },
      { id: 'f', name: '王建国', minor: false },
      { id: 'k', name: '王子涵', minor: true },
    ]);
    expect(Object.fromEntries(p)).toEqual({ c: '王某', w: '赵某', f: '王某甲', k: '小王' });
  });

  it('keeps the worker’s pseudonym unless it reveals a real name', () => {
    const members = [{ id: 'm', name: '李秀梅', minor: false }];
    const own = assignPseudonyms(
      { id: 'c', name: '小阳', minor: true, pseudonym: '小宇' },
      members,
    );
    expect(own.get('c')).toBe('小宇');
    expect(own.get('m')).toBe('李某');
    const leaky = assignPseudonyms(
      { id: 'c', name: '小阳', minor: true, pseudonym: '秀梅之子' },
      members,
    );
    expect(leaky.get('c')).toBe('小某');
    expect(revealsName('小阳同学', ['小阳'])).toBe(true);
    expect(revealsName('王某', ['王鹏'])).toBe(false);
  });
});

describe('scrubbing published text', () => {
  it('replaces every real name with its pseudonym, longest first, in one pass', () => {
    expect(scrubText('王鹏和妻子赵丽带着王子涵来站里，王鹏说想工作。', wang)).toBe(
      '王某和妻子赵某带着小王来站里，王某说想工作。',
    );
    // A given name of two characters stands for the person too.
    const li: Redaction = { ...wang, names: [{ real: '李秀梅', pseudonym: '李某' }] };
    expect(scrubText('秀梅今天情绪稳定；李秀梅按时服药。', li)).toBe(
      '李某今天情绪稳定；李某按时服药。',
    );
  });

  it('drops ID numbers and phones however written, and any other that looks like one', () => {
    const text =
      '身份证 149901 19860417 001x，手机 135-1234-0417，座机 0352-1234567，' +
      '邻居电话13900001111，另一证号110101199003076512。';
    const out = scrubText(text, wang);
    expect(out).toBe(
      `身份证 ${REDACTED.idNumber}，手机 ${REDACTED.phone}，座机 ${REDACTED.phone}，` +
        `邻居电话${REDACTED.phone}，另一证号${REDACTED.idNumber}。`,
    );
  });

  it('drops the address and any building, unit and room, and the exact birth dates', () => {
    const out = scrubText(
      '住振华东社区6号楼1单元302室，原住4栋201，即6-1-302；1986年4月17日生，' +
        '女儿生于2015-03-21。2026-11-01 回访。',
      wang,
    );
    expect(out).toBe(
      `住${REDACTED.address}，原住${REDACTED.address}，即${REDACTED.address}；` +
        `${REDACTED.birthDate}生，女儿生于${REDACTED.birthDate}。2026-11-01 回访。`,
    );
  });

  it('leaves a text without any of these as it was', () => {
    const text = '在社区便民服务点就业，家庭收入改善。服务 3 次，每次 30 分钟。';
    expect(scrubText(text, wang)).toBe(text);
  });
});
