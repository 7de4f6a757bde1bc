import { useEffect, type ReactNode } from 'react';
import { TreeSelect } from 'antd';
import type { OrgTreeNode } from '../../../common/schemas/org';
import { defaultExpanded } from '../pages/org/org-tree-utils';
import { useIsPhone } from '../use-is-phone';
import { OrgKindTag } from './org-kind-tag';

interface Option {
  value: string;
  title: ReactNode;
  label: string;
  disabled: boolean;
  children: Option[];
}

function toOptions(nodes: OrgTreeNode[], canPick: (node: OrgTreeNode) => boolean): Option[] {
  return nodes
    .filter((node) => node.status === 'active')
    .map((node) => ({
      value: node.id,
      title: (
        <span>
          <OrgKindTag kind={node.kind} />
          {node.name}
        </span>
      ),
      label: node.name,
      disabled: !canPick(node),
      children: toOptions(node.children, canPick),
    }));
}

/** The active units of the tree the caller may pick. */
function pickable(nodes: OrgTreeNode[], canPick: (node: OrgTreeNode) => boolean): OrgTreeNode[] {
  return nodes
    .filter((node) => node.status === 'active')
    .flatMap((node) => [...(canPick(node) ? [node] : []), ...pickable(node.children, canPick)]);
}

interface Props {
  tree: OrgTreeNode[];
  value?: string;
  /** undefined when cleared */
  onChange?: (id: string | undefined) => void;
  /** units that cannot be picked stay visible (greyed) so the user can still find their way down */
  canPick?: (node: OrgTreeNode) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  loading?: boolean;
  id?: string;
  /** the name a screen reader says; without a form label (a filter bar) it is the placeholder */
  'aria-label'?: string;
  /** with nothing chosen yet and a single unit to pick (a community's own staff), choose it */
  pickOnlyChoice?: boolean;
}

/** Picks one active org unit; retired units are never offered. */
export function OrgUnitSelect({
  tree,
  canPick = () => true,
  pickOnlyChoice = false,
  ...props
}: Props) {
  // On the desk the list may grow wider than a narrow field; on a phone it must stay on screen.
  const isPhone = useIsPhone();
  const { value, onChange } = props;
  const choices = pickOnlyChoice ? pickable(tree, canPick) : [];
  const only = choices.length === 1 ? choices[0].id : undefined;
  useEffect(() => {
    if (only && value === undefined) onChange?.(only);
  }, [only, value, onChange]);
  return (
    <TreeSelect<string>
      {...props}
      aria-label={props['aria-label'] ?? (props.id ? undefined : props.placeholder)}
      treeData={toOptions(tree, canPick)}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'label' }}
      treeDefaultExpandedKeys={defaultExpanded(tree)}
      popupMatchSelectWidth={isPhone}
      style={{ width: '100%' }}
    />
  );
}
