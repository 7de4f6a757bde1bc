import { Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { OrgKindTag } from '../../components/org-kind-tag';

interface Props {
  nodes: OrgTreeNode[];
  selectedId: string | null;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  onSelect: (id: string) => void;
}

function NodeTitle({ node }: { node: OrgTreeNode }) {
  const { t } = useTranslation();
  const retired = node.status === 'retired';
  return (
    <span className={retired ? 'org-node retired' : 'org-node'} data-unit-name={node.name}>
      <OrgKindTag kind={node.kind} />
      <span className="org-node-name">{node.name}</span>
      {node.code && <span className="org-node-code">{node.code}</span>}
      {retired && <Tag className="org-node-retired">{t('org.retired')}</Tag>}
    </span>
  );
}

function toTreeData(nodes: OrgTreeNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: <NodeTitle node={node} />,
    children: toTreeData(node.children),
  }));
}

export function OrgTreeView({ nodes, selectedId, expandedKeys, onExpand, onSelect }: Props) {
  return (
    <Tree
      className="org-tree"
      blockNode
      showLine
      treeData={toTreeData(nodes)}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expandedKeys}
      onExpand={(keys) => onExpand(keys.map(String))}
      // Tapping the selected unit again keeps it selected rather than clearing the details.
      onSelect={(_, info) => onSelect(String(info.node.key))}
    />
  );
}
