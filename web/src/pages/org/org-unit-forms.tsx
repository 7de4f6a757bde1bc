import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { allowedParentKinds, orgUnitKinds, type OrgUnitKind } from '../../../../common/roles';
import {
  zOrgUnitCreate,
  zOrgUnitMove,
  type OrgTreeNode,
  type OrgUnit,
  type OrgUnitCreate,
} from '../../../../common/schemas/org';
import { FormModal } from '../../components/form-modal';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { allIds } from './org-tree-utils';
import { useOrgWrites } from './org-api';

export type OrgDialog = 'addChild' | 'edit' | 'move' | null;

interface Props {
  dialog: OrgDialog;
  unit: OrgTreeNode;
  tree: OrgTreeNode[];
  onClose: () => void;
  onDone: (unit: OrgUnit, text: string) => void;
}

export function childKinds(parent: OrgUnitKind): OrgUnitKind[] {
  return orgUnitKinds.filter((kind) => allowedParentKinds[kind].includes(parent));
}

const rules = schemaRules(zOrgUnitCreate);
const nameMax = maxLengthOf(zOrgUnitCreate.shape.name);
const codeMax = maxLengthOf(zOrgUnitCreate.shape.code);

export function OrgUnitDialogs({ dialog, unit, tree, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const writes = useOrgWrites();
  const [addForm] = Form.useForm<Omit<OrgUnitCreate, 'id' | 'parentId'>>();
  const [editForm] = Form.useForm<{ name: string; code?: string }>();
  const [moveForm] = Form.useForm<{ parentId: string }>();
  const kinds = childKinds(unit.kind);
  const ownSubtree = new Set(allIds([unit]));

  return (
    <>
      <FormModal
        name="orgUnitAdd"
        open={dialog === 'addChild'}
        title={t('org.addChildTitle', { name: unit.name })}
        form={addForm}
        initialValues={{
          kind: kinds.length === 1 ? (kinds[0] as OrgUnitCreate['kind']) : undefined,
        }}
        onClose={onClose}
        onSubmit={async (values) => {
          const created = await writes.create({
            ...values,
            code: values.code?.trim() || undefined,
            id: uuidv7(),
            parentId: unit.id,
          });
          onDone(created, t('org.created', { name: created.name }));
        }}
      >
        <Form.Item name="kind" label={t('org.kind')} rules={rules.kind}>
          <Select options={kinds.map((kind) => ({ value: kind, label: t(`orgKinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={rules.name}>
          <Input maxLength={nameMax} autoFocus />
        </Form.Item>
        <Form.Item name="code" label={t('org.code')} rules={rules.code}>
          <Input placeholder={t('org.codeAuto')} maxLength={codeMax} />
        </Form.Item>
      </FormModal>

      <FormModal
        name="orgUnitEdit"
        open={dialog === 'edit'}
        title={t('org.editTitle', { name: unit.name })}
        form={editForm}
        initialValues={{ name: unit.name, code: unit.code ?? undefined }}
        onClose={onClose}
        onSubmit={async (values) => {
          const code = values.code?.trim() || undefined;
          const saved = await writes.update(unit.id, {
            version: unit.version,
            name: values.name,
            code: code !== (unit.code ?? undefined) ? code : undefined,
          });
          onDone(saved, t('org.saved'));
        }}
      >
        <Form.Item name="name" label={t('org.name')} rules={rules.name}>
          <Input maxLength={nameMax} />
        </Form.Item>
        <Form.Item name="code" label={t('org.code')} rules={rules.code}>
          <Input maxLength={codeMax} />
        </Form.Item>
      </FormModal>

      <FormModal
        name="orgUnitMove"
        open={dialog === 'move'}
        title={t('org.moveTitle', { name: unit.name })}
        form={moveForm}
        okText={t('org.move')}
        codeFields={{ PARENT_KIND_NOT_ALLOWED: 'parentId', MOVE_INTO_OWN_SUBTREE: 'parentId' }}
        onClose={onClose}
        onSubmit={async (values) => {
          const moved = await writes.move(unit.id, {
            version: unit.version,
            parentId: values.parentId,
          });
          onDone(moved, t('org.moved'));
        }}
      >
        <Typography.Paragraph type="secondary">{t('org.moveHint')}</Typography.Paragraph>
        <Form.Item
          name="parentId"
          label={t('org.newParent')}
          rules={fieldRules(zOrgUnitMove.shape.parentId)}
        >
          <OrgUnitSelect
            tree={tree}
            canPick={(node) =>
              allowedParentKinds[unit.kind].includes(node.kind) &&
              !ownSubtree.has(node.id) &&
              node.id !== unit.parentId
            }
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
