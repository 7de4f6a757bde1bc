import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Skeleton, Space } from 'antd';
import { CopyOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { zCaseUpdate, type CaseDetail } from '../../../../common/schemas/cases';
import { maxLengthOf } from '../../components/zod-form';
import { useCaseWrites, usePublicationSummary } from './cases-api';
import { useCaseErrors } from './case-errors';

interface Props {
  c: CaseDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * The case told for publication under a pseudonym: no ID numbers, phones or addresses. The worker may
 * choose the pseudonym (the server refuses one that holds a real name of the family).
 */
export function PublicationDialog({ c, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const summary = usePublicationSummary(c.id, open);
  const writes = useCaseWrites(c.id);
  const onError = useCaseErrors();
  const [pseudonym, setPseudonym] = useState<string>();
  const [saving, setSaving] = useState(false);
  const canRename = c.canWrite && c.status === 'open';
  const typed = pseudonym ?? c.pseudonym ?? '';

  const rename = async () => {
    setSaving(true);
    try {
      await writes.update({ pseudonym: typed.trim() || null });
      setPseudonym(undefined);
      void message.success(t('caseUi.publication.pseudonymSaved'));
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  const copy = async () => {
    if (!summary.data) return;
    await navigator.clipboard.writeText(summary.data.text);
    void message.success(t('caseUi.publication.copied'));
  };

  return (
    <Modal
      open={open}
      title={t('caseUi.publication.title')}
      width={720}
      onCancel={onClose}
      footer={
        <Space wrap>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() =>
              window.open(`/api/cases/${c.id}/publication-summary.pdf`, '_blank', 'noopener')
            }
          >
            {t('caseUi.publication.pdf')}
          </Button>
          <Button
            type="primary"
            icon={<CopyOutlined />}
            disabled={!summary.data}
            onClick={() => void copy()}
          >
            {t('caseUi.publication.copy')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        title={t('cases.document.publicationNote')}
        className="gap-bottom"
      />
      {canRename && (
        <div className="pseudonym-row gap-bottom">
          <label htmlFor="case-pseudonym" className="muted">
            {t('caseUi.publication.pseudonym')}
          </label>
          <Space.Compact className="pseudonym-input">
            <Input
              id="case-pseudonym"
              value={typed}
              maxLength={maxLengthOf(zCaseUpdate.shape.pseudonym)}
              placeholder={t('caseUi.publication.defaultPseudonym', { name: c.defaultPseudonym })}
              onChange={(e) => setPseudonym(e.target.value)}
            />
            <Button loading={saving} onClick={() => void rename()}>
              {t('caseUi.publication.savePseudonym')}
            </Button>
          </Space.Compact>
          <div className="muted small">{t('caseUi.publication.pseudonymHint')}</div>
        </div>
      )}
      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : summary.error ? (
        <Alert type="error" showIcon title={summary.error.message} />
      ) : (
        <div className="publication-text pre-wrap">{summary.data.text}</div>
      )}
    </Modal>
  );
}
