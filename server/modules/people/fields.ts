import { pinyin } from 'pinyin-pro';
import { birthDateFromId, genderFromId, maskIdNumber, maskPhone } from '../../../common/people';
import type { ResidentFields } from '../../../common/schemas/people';
import type { ResidentTable } from '../../db/schema';
import { fieldCipher } from '../../lib/crypto';

/** Full pinyin and initials kept beside the name, so "wp" and "wangpeng" find 王鹏 through an index. */
export function nameKeys(name: string): { name_pinyin: string; name_initials: string } {
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return {
    name_pinyin: clean(pinyin(name, opts)),
    name_initials: clean(pinyin(name, { ...opts, pattern: 'first' })),
  };
}

export const normalisePhone = (phone: string): string => phone.replace(/[^\d]/g, '');

/** The resident columns for the given fields: sensitive ones sealed, indexed and masked. Absent fields stay absent. */
export function residentColumns(f: Partial<ResidentFields>): Partial<ResidentTable> {
  const c = fieldCipher();
  const cols: Partial<ResidentTable> = {};
  if (f.name !== undefined) Object.assign(cols, { name: f.name }, nameKeys(f.name));
  if (f.gender !== undefined) cols.gender = f.gender;
  if (f.birthDate !== undefined) cols.birth_date = f.birthDate;
  if (f.ethnicity !== undefined) cols.ethnicity = f.ethnicity;
  if (f.idNumber !== undefined) {
    const id = f.idNumber;
    cols.id_number_sealed = id ? c.seal(id) : null;
    cols.id_number_index = id ? c.blindIndex('idNumber', id) : null;
    cols.id_number_masked = id ? maskIdNumber(id) : null;
    // The ID number says when and as whom the person was born; a form need not ask twice.
    if (id && f.birthDate === undefined) cols.birth_date = birthDateFromId(id);
    if (id && f.gender === undefined) cols.gender = genderFromId(id);
  }
  if (f.phone !== undefined) {
    const phone = f.phone ? normalisePhone(f.phone) : null;
    cols.phone_sealed = phone ? c.seal(phone) : null;
    cols.phone_index = phone ? c.blindIndex('phone', phone) : null;
    cols.phone_last4 = phone ? phone.slice(-4) : null;
    cols.phone_masked = phone ? maskPhone(phone) : null;
  }
  if (f.registrationStatus !== undefined) cols.registration_status = f.registrationStatus;
  if (f.healthNotes !== undefined)
    cols.health_notes_sealed = f.healthNotes ? c.seal(f.healthNotes) : null;
  if (f.disability !== undefined)
    cols.disability_sealed = f.disability ? c.seal(JSON.stringify(f.disability)) : null;
  if (f.selfCare !== undefined) cols.self_care = f.selfCare;
  return cols;
}

/** How a field's change is written into the history: sensitive values only as their masks. */
export function historyValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'healthNotes' || field === 'disability') return '******';
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.join(',')
        : JSON.stringify(value);
  if (field === 'idNumber') return maskIdNumber(text);
  if (field === 'phone') return maskPhone(normalisePhone(text));
  return text;
}
