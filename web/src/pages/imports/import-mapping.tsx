import { Alert, Select, Tag } from 'antd';
import type { Import, ImportMappingInput } from '../../../../common/schemas/imports';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useOrgTree } from '../org/org-api';
import type { ImportText } from './imports-api';

/** The fields that can be given once for the whole file, and where the choice goes. */
const fixedSlots = { community: 'communityId', grid: 'gridId' } as const;
type FixedSlot = (typeof fixedSlots)[keyof typeof fixedSlots];
const NONE = '';

export interface MappingState {
  fields: Map<number, string | null>;
  fixed: Record<FixedSlot, string | null>;
}

/** What stops the mapping from being confirmed, in words: required fields missing, a field taken twice. */
export function mappingProblems(imp: Import, state: MappingState, text: ImportText): string[] {
  const used = new Map<string, string[]>();
  for (const column of imp.columns) {
    const field = state.fields.get(column.index) ?? null;
    if (field)
      used.set(field, [...(used.get(field) ?? []), column.header || `#${column.index + 1}`]);
  }
  const problems: string[] = [];
  const missing = imp.fields.filter((f) => {
    if (!f.required || used.has(f.key)) return false;
    const slot = fixedSlots[f.key as keyof typeof fixedSlots];
    return !(f.fixable && slot && state.fixed[slot]);
  });
  if (missing.length)
    problems.push(text('missing', { fields: missing.map((f) => f.label).join('、') }));
  for (const [key, headers] of used) {
    if (headers.length < 2) continue;
    const label = imp.fields.find((f) => f.key === key)?.label ?? key;
    problems.push(text('duplicate', { field: label, columns: headers.join('、') }));
  }
  return problems;
}

export function initialMapping(imp: Import): MappingState {
  return {
    fields: new Map(imp.columns.map((c) => [c.index, c.field])),
    fixed: { communityId: imp.fixed.communityId, gridId: imp.fixed.gridId },
  };
}

export const toMappingInput = (state: MappingState): ImportMappingInput => ({
  columns: [...state.fields].map(([index, field]) => ({ index, field })),
  fixed: state.fixed,
});

function findNode(nodes: OrgTreeNode[], id: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

interface Props {
  imp: Import;
  text: ImportText;
  state: MappingState;
  onChange: (state: MappingState) => void;
  /** shown once the user has tried to confirm, or at once when something is missing */
  problems: string[];
}

/**
 * Every column of the file with its header, a few values and the field it goes to, which the user
 * may change or set to 不导入; 社区 and 网格 can be chosen once for the whole file instead.
 */
export function ImportMapping({ imp, text, state, onChange, problems }: Props) {
  const tree = useOrgTree(false);
  const fixedOpen = imp.fields.filter((f) => f.fixable && f.key in fixedSlots).map((f) => f.key);
  const mapped = new Set([...state.fields.values()].filter(Boolean));
  const options = [
    { value: NONE, label: text('notImported') },
    ...imp.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label })),
  ];
  const setField = (index: number, field: string) =>
    onChange({ ...state, fields: new Map(state.fields).set(index, field === NONE ? null : field) });
  const setFixed = (slot: FixedSlot, id: string | undefined) => {
    const fixed = { ...state.fixed, [slot]: id ?? null };
    // A grid of another community cannot stay chosen.
    if (slot === 'communityId') fixed.gridId = null;
    onChange({ ...state, fixed });
  };
  const community = state.fixed.communityId
    ? findNode(tree.data ?? [], state.fixed.communityId)
    : undefined;
  // Only what the file lacks is asked once: a column mapped to 社区 makes the choice moot.
  const fixable = fixedOpen.filter((key) => !mapped.has(key));
  const unknown = new Set(imp.unknownColumns);

  return (
    <div className="import-mapping">
      <p className="import-intro">
        {imp.headerRow ? text('mappingIntro', { row: imp.headerRow }) : text('mappingIntroNoRow')}
      </p>
      {imp.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="gap-bottom"
          title={text('unknownNote', { columns: imp.unknownColumns.join('、') })}
        />
      )}
      {fixable.length > 0 && (
        <section className="import-fixed" aria-label={text('fixedTitle')}>
          <h3>{text('fixedTitle')}</h3>
          <p className="import-muted">{text('fixedNote')}</p>
          <div className="import-fixed-fields">
            {fixable.includes('community') && (
              <label className="import-fixed-field">
                <span>{text('fixedCommunity')}</span>
                <OrgUnitSelect
                  id="import-fixed-community"
                  tree={tree.data ?? []}
                  loading={tree.isPending}
                  allowClear
                  placeholder={text('pickCommunity')}
                  canPick={(node) => node.kind === 'community'}
                  value={state.fixed.communityId ?? undefined}
                  onChange={(id) => setFixed('communityId', id)}
                />
              </label>
            )}
            {fixable.includes('grid') && (
              <label className="import-fixed-field">
                <span>{text('fixedGrid')}</span>
                <OrgUnitSelect
                  id="import-fixed-grid"
                  // The chosen community's grids at the top, not folded under it.
                  tree={community ? community.children : (tree.data ?? [])}
                  loading={tree.isPending}
                  allowClear
                  placeholder={text('pickGrid')}
                  canPick={(node) => node.kind === 'grid'}
                  value={state.fixed.gridId ?? undefined}
                  onChange={(id) => setFixed('gridId', id)}
                />
                {mapped.has('grid') ? null : (
                  <span className="import-muted">{text('fixedGridOptional')}</span>
                )}
              </label>
            )}
          </div>
        </section>
      )}
      <div className="import-map" role="table" aria-label={text('stepMapping')}>
        <div className="import-map-row import-map-head" role="row">
          <span role="columnheader">{text('column')}</span>
          <span role="columnheader">{text('samples')}</span>
          <span role="columnheader">{text('field')}</span>
        </div>
        {imp.columns.map((column) => {
          const field = state.fields.get(column.index) ?? null;
          const isUnknown = unknown.has(column.header);
          const header = column.header || text('emptyHeader');
          return (
            <div
              key={column.index}
              role="row"
              data-column={column.header}
              className={`import-map-row${isUnknown ? ' unknown' : ''}`}
            >
              <span role="cell" className="import-map-header">
                <strong>{header}</strong>
                {isUnknown && (
                  <Tag color="orange" className="import-unknown-tag">
                    {text('unknown')}
                  </Tag>
                )}
              </span>
              <span role="cell" className="import-map-samples">
                {column.samples.filter(Boolean).join(' · ') || '—'}
              </span>
              <span role="cell" className="import-map-field">
                <Select
                  aria-label={text('fieldOf', { header })}
                  value={field ?? NONE}
                  options={options}
                  onChange={(value: string) => setField(column.index, value)}
                  showSearch={{ optionFilterProp: 'label' }}
                  className={field ? undefined : 'import-not-imported'}
                />
                {column.how && field === column.field && column.how !== 'template' && (
                  <span className={`import-how how-${column.how}`}>
                    {text(`how_${column.how}`)}
                  </span>
                )}
              </span>
            </div>
          );
        })}
      </div>
      {problems.map((p) => (
        <Alert key={p} type="error" showIcon title={p} className="gap-top" role="alert" />
      ))}
    </div>
  );
}
