import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Card, Col, Drawer, Empty, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdmin, useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree, useOrgWrites } from './org-api';
import { OrgDetail } from './org-detail';
import { OrgTreeView } from './org-tree-view';
import { OrgUnitDialogs, type OrgDialog } from './org-unit-forms';
import { allIds, defaultExpanded, filterTree, indexTree, trailOf } from './org-tree-utils';

export function OrgPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const includeRetired = params.get('retired') === '1';
  const selectedId = params.get('unit');
  const [filter, setFilter] = useState('');
  // null until the user opens or folds something: then the default opening applies
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<OrgDialog>(null);
  const tree = useOrgTree(includeRetired);
  const writes = useOrgWrites();

  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const shown = useMemo(() => filterTree(roots, filter), [roots, filter]);
  const selected = selectedId ? index.byId.get(selectedId) : undefined;
  const expandedKeys = filter ? allIds(shown) : (expanded ?? defaultExpanded(roots));

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const runAction = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const detail = selected && (
    <OrgDetail
      unit={selected}
      trail={trailOf(index, selected.id)}
      canWrite={isAdmin(me)}
      bare={isPhone}
      onDialog={setDialog}
      onRetire={() =>
        runAction(() => writes.retire(selected), t('org.retiredDone', { name: selected.name }))
      }
      onRestore={() =>
        runAction(() => writes.restore(selected), t('org.restoredDone', { name: selected.name }))
      }
    />
  );

  const toolbar = (
    <div className="org-toolbar">
      <Input.Search
        allowClear
        placeholder={t('org.filter')}
        onChange={(e) => setFilter(e.target.value)}
        className="org-filter"
      />
      <label className="org-retired-switch">
        <Switch
          checked={includeRetired}
          onChange={(on) => setParam('retired', on ? '1' : null)}
          size={isPhone ? 'default' : 'small'}
        />
        <span>{t('org.includeRetired')}</span>
      </label>
    </div>
  );

  const treeCard = (
    <Card title={isPhone ? undefined : t('org.title')}>
      {toolbar}
      <ListState
        loading={tree.isPending}
        error={tree.error}
        onRetry={() => void tree.refetch()}
        empty={shown.length === 0}
        emptyText={filter ? t('org.noMatch') : t('org.treeEmpty')}
      >
        <OrgTreeView
          nodes={shown}
          selectedId={selectedId}
          expandedKeys={expandedKeys}
          onExpand={setExpanded}
          onSelect={(id) => setParam('unit', id)}
        />
      </ListState>
    </Card>
  );

  const dialogs = selected && (
    <OrgUnitDialogs
      dialog={dialog}
      unit={selected}
      tree={roots}
      onClose={() => setDialog(null)}
      onDone={(unit, text) => {
        void message.success(text);
        if (unit.parentId) setExpanded([...new Set([...expandedKeys, unit.parentId])]);
        setParam('unit', unit.id);
      }}
    />
  );

  if (isPhone) {
    return (
      <>
        {treeCard}
        <Drawer
          open={!!selected}
          placement="bottom"
          size="85%"
          title={selected?.name}
          onClose={() => setParam('unit', null)}
        >
          {detail}
        </Drawer>
        {dialogs}
      </>
    );
  }
  return (
    <Row gutter={16} align="top">
      <Col span={14}>{treeCard}</Col>
      <Col span={10} className="sticky-col">
        {detail ?? (
          <Card>
            <Empty description={t('org.selectHint')} />
          </Card>
        )}
      </Col>
      {dialogs}
    </Row>
  );
}
