import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { zAddress } from '../../../../common/schemas/people';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';

const rules = schemaRules(zAddress);
const max = (field: keyof typeof zAddress.shape) => maxLengthOf(zAddress.shape[field]);

export interface AddressValues {
  gridId: string;
  building: string;
  unitNo?: string;
  room: string;
}

/** The active grids of the tree the caller sees: where they may register a household. */
export function gridsOf(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return nodes
    .filter((n) => n.status === 'active')
    .flatMap((n) => (n.kind === 'grid' ? [n] : gridsOf(n.children)));
}

/** The one grid a caller works in, so a grid worker's form starts with it chosen. */
export function useOnlyGrid(): string | undefined {
  const tree = useOrgTree(false);
  const grids = gridsOf(tree.data ?? []);
  return grids.length === 1 ? grids[0].id : undefined;
}

/** Grid (from the caller's own tree), building, unit and room: the address of a household. */
export function AddressFieldItems() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const tree = useOrgTree(false);
  return (
    <Row gutter={isPhone ? 8 : 16}>
      <Col span={24}>
        <Form.Item name="gridId" label={t('people.fields.grid')} rules={rules.gridId}>
          <OrgUnitSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            canPick={(node) => node.kind === 'grid'}
            placeholder={t('people.forms.gridPlaceholder')}
            pickOnlyChoice
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="building" label={t('people.fields.building')} rules={rules.building}>
          <Input maxLength={max('building')} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="unitNo" label={t('people.fields.unitNo')} rules={rules.unitNo}>
          <Input maxLength={max('unitNo')} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="room" label={t('people.fields.room')} rules={rules.room}>
          <Input maxLength={max('room')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const toAddress = (v: AddressValues) => ({
  gridId: v.gridId,
  building: v.building.trim(),
  unitNo: v.unitNo?.trim() || null,
  room: v.room.trim(),
});
