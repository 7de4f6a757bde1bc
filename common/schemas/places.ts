/**
 * The contract of 场所 (places), one file per part: the codes, the place, checklists, inspections,
 * rectification notices (整改通知书) and a place's history.
 */
export * from './places/codes';
export * from './places/place';
export * from './places/checklists';
export * from './places/inspections';
export * from './places/notices';
export * from './places/history';
