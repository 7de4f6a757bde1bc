import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zResourceCreate,
  type Resource,
  type ResourceCategory,
} from '../../../../common/schemas/cases';
import { FormModal } from '../../components/form-modal';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { indexTree } from '../org/org-tree-utils';
import { useCaseRoles } from './case-roles';
import { useCaseOptions } from './case-tags';
import { useResourceWrites } from './resources-api';

const rules = schemaRules(zResourceCreate);
const max = (field: keyof typeof zResourceCreate.shape) =>
  maxLengthOf(zResourceCreate.shape[field]);

interface Values {
  category: ResourceCategory;
  name: string;
  provider: string;
  contact?: string;
  area?: string;
  conditions?: string;
  /** district admins only: a street, or '' for the whole district */
  owner?: string;
}

const text = (s: string | undefined) => s?.trim() || null;

/**
 * Adds or edits a resource. Station staff add to their street's directory; a district admin (who has
 * no street of their own) chooses a street or the whole district.
 */
export function ResourceDialog({
  resource,
  open,
  onClose,
}: {
  resource?: Resource;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const roles = useCaseRoles();
  const options = useCaseOptions();
  const writes = useResourceWrites();
  const [form] = Form.useForm<Values>();
  const choosesOwner = !resource && !roles.isStationStaff;
  const tree = useOrgTree(false);
  const streets = choosesOwner
    ? [...indexTree(tree.data ?? []).byId.values()].filter((n) => n.kind === 'street')
    : [];
  const span = isPhone ? 24 : 12;
  return (
    <FormModal<Values>
      name="resource"
      open={open}
      title={
        resource
          ? t('caseUi.resources.editTitle', { name: resource.name })
          : t('caseUi.resources.addTitle')
      }
      form={form}
      width={680}
      initialValues={
        resource
          ? {
              category: resource.category,
              name: resource.name,
              provider: resource.provider,
              contact: resource.contact ?? undefined,
              area: resource.area ?? undefined,
              conditions: resource.conditions ?? undefined,
            }
          : { owner: '' }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const fields = {
          category: v.category,
          name: v.name.trim(),
          provider: v.provider.trim(),
          contact: text(v.contact),
          area: text(v.area),
          conditions: text(v.conditions),
        };
        if (resource) {
          await writes.update(resource.id, { version: resource.version, ...fields });
          void message.success(t('caseUi.resources.saved'));
        } else {
          await writes.create({
            id: uuidv7(),
            ...fields,
            ...(choosesOwner ? { streetId: v.owner || null } : {}),
          });
          void message.success(t('caseUi.resources.created', { name: fields.name }));
        }
      }}
    >
      <Row gutter={16}>
        {choosesOwner && (
          <Col span={24}>
            <Form.Item name="owner" label={t('orgKinds.street')}>
              <Select
                loading={tree.isPending}
                options={[
                  { value: '', label: t('caseUi.resources.districtWide') },
                  ...streets.map((s) => ({ value: s.id, label: s.name })),
                ]}
              />
            </Form.Item>
          </Col>
        )}
        <Col span={span}>
          <Form.Item name="category" label={t('caseUi.resources.category')} rules={rules.category}>
            <Select options={options.resourceCategories} />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item name="name" label={t('caseUi.resources.name')} rules={rules.name}>
            <Input maxLength={max('name')} />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item name="provider" label={t('caseUi.resources.provider')} rules={rules.provider}>
            <Input maxLength={max('provider')} />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item name="contact" label={t('caseUi.resources.contact')} rules={rules.contact}>
            <Input maxLength={max('contact')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="area" label={t('caseUi.resources.area')} rules={rules.area}>
            <Input maxLength={max('area')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="conditions"
            label={t('caseUi.resources.conditions')}
            rules={rules.conditions}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={max('conditions')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
