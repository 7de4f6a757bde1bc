import { useState } from 'react';
import { Alert, App, Button, Modal, Statistic, Steps, Table, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LedgerImportReport } from '../../../../common/schemas/ledger';
import type { PlaceImportReport } from '../../../../common/schemas/places';
import { apiDownload, apiSend, type FileBody } from '../../api';
import { useIsPhone } from '../../use-is-phone';
import { useInvalidateResidents } from './people-api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Step = 'upload' | 'preview' | 'done';
/** The household ledger's report counts households too; other registers' reports do not. */
type ImportReport = LedgerImportReport | (PlaceImportReport & { households?: undefined });

interface Props {
  open: boolean;
  onClose: () => void;
  /** the register's API path, e.g. '/places'; by default the household ledger */
  base?: string;
  /** the downloaded files' names start with it */
  fileStem?: string;
  title?: string;
  /** what a row of the file is, under the drop zone */
  uploadNote?: string;
  /** refreshes the register after an import; by default the residents' */
  onImported?: () => Promise<unknown>;
}
type Problem = ImportReport['problems'][number];

const problemKey = (p: Problem) => `${p.row}-${p.column ?? ''}-${p.code}-${p.reason}`;

/**
 * 导入 in two steps: the file is checked row by row (nothing written), then the same file is sent
 * again to import its clean households in one transaction. Rows with problems can be downloaded.
 */
export function LedgerImportDialog({
  open,
  onClose,
  base = '/households',
  fileStem = 'ledger',
  title,
  uploadNote,
  onImported,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const invalidateResidents = useInvalidateResidents();
  const invalidate = onImported ?? invalidateResidents;
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | 'problems' | 'template' | null>(null);

  const body = (): FileBody => ({ file: file!, type: XLSX_TYPE });
  const fail = (error: unknown) =>
    void message.error(error instanceof Error ? error.message : String(error));
  const run = async (what: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };
  const check = () =>
    run('check', async () => {
      setReport(await apiSend<ImportReport>('POST', `${base}/import/preview`, body()));
      setStep('preview');
    });
  const commit = () =>
    run('commit', async () => {
      const done = await apiSend<ImportReport>('POST', `${base}/import/commit`, body(), {
        importId: report?.importId,
      });
      setReport(done);
      setStep('done');
      await invalidate();
    });
  const downloadProblems = () =>
    run('problems', async () => {
      await apiDownload(`${base}/import/problems.xlsx`, {}, `${fileStem}-problems.xlsx`, body());
    });
  const downloadTemplate = () =>
    run('template', async () => {
      await apiDownload(`${base}/import-template.xlsx`, {}, `${fileStem}-template.xlsx`);
    });
  const reset = () => {
    setStep('upload');
    setFile(null);
    setReport(null);
  };

  const columns = [
    { key: 'row', title: t('people.import.row'), dataIndex: 'row', width: 70 },
    {
      key: 'column',
      title: t('people.import.column'),
      width: 120,
      render: (_: unknown, p: Problem) => p.column ?? t('people.import.wholeRow'),
    },
    { key: 'reason', title: t('people.import.reason'), dataIndex: 'reason' },
  ];

  const footer = {
    upload: [
      <Button key="cancel" onClick={onClose}>
        {t('common.cancel')}
      </Button>,
      <Button
        key="check"
        type="primary"
        disabled={!file}
        loading={busy === 'check'}
        onClick={() => void check()}
      >
        {t('people.import.check')}
      </Button>,
    ],
    preview: [
      <Button key="back" onClick={reset}>
        {t('people.import.back')}
      </Button>,
      <Button
        key="commit"
        type="primary"
        disabled={!report || report.validRows === 0}
        title={report?.validRows === 0 ? t('people.import.confirmDisabled') : undefined}
        loading={busy === 'commit'}
        onClick={() => void commit()}
      >
        {t('people.import.confirm')}
      </Button>,
    ],
    done: [
      <Button key="close" type="primary" onClick={onClose}>
        {t('people.import.close')}
      </Button>,
    ],
  }[step];

  return (
    <Modal
      open={open}
      title={title ?? t('people.import.title')}
      width={820}
      onCancel={onClose}
      afterClose={reset}
      footer={footer}
      className="ledger-import"
    >
      <Steps
        size="small"
        current={['upload', 'preview', 'done'].indexOf(step)}
        items={[
          { title: t('people.import.stepUpload') },
          { title: t('people.import.stepPreview') },
          { title: t('people.import.stepDone') },
        ]}
        responsive={false}
        className="gap-bottom"
      />
      {step === 'upload' && (
        <>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
                void message.error(t('people.import.notXlsx'));
              } else {
                setFile(chosen);
              }
              // Kept in the browser until checked: nothing is sent on choosing.
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('people.import.uploadHint')}</p>
            <p className="ant-upload-hint">{uploadNote ?? t('people.import.uploadNote')}</p>
          </Upload.Dragger>
          <Button
            type="link"
            icon={<DownloadOutlined />}
            loading={busy === 'template'}
            onClick={() => void downloadTemplate()}
            className="gap-top"
          >
            {t('people.import.template')}
          </Button>
        </>
      )}
      {step !== 'upload' && report && (
        <>
          <div className="import-counts">
            <Statistic title={t('people.import.totalRows')} value={report.totalRows} />
            <Statistic title={t('people.import.validRows')} value={report.validRows} />
            {report.households !== undefined && (
              <Statistic title={t('people.import.households')} value={report.households} />
            )}
            <Statistic
              title={t('people.import.problemRows')}
              value={report.problemRows}
              styles={{ content: report.problemRows ? { color: '#cf1322' } : undefined }}
            />
          </div>
          {step === 'done' && (
            <Alert
              type="success"
              showIcon
              title={
                report.households !== undefined
                  ? t('people.import.done', {
                      households: report.households,
                      rows: report.validRows,
                    })
                  : t('placeUi.register.imported', { count: report.validRows })
              }
              className="gap-bottom"
            />
          )}
          {step === 'preview' && report.problems.length === 0 && (
            <Alert type="success" showIcon title={t('people.import.noProblems')} />
          )}
          {report.problems.length > 0 && (
            <>
              <Alert type="warning" showIcon title={t('people.import.problemsNote')} />
              <Button
                block={isPhone}
                icon={<DownloadOutlined />}
                loading={busy === 'problems'}
                onClick={() => void downloadProblems()}
                className="import-problems-download"
              >
                {t('people.import.downloadProblems')}
              </Button>
              {isPhone ? (
                <ul className="import-problem-list">
                  {report.problems.map((p) => (
                    <li key={problemKey(p)}>
                      <strong>
                        {t('people.import.row')} {p.row} · {p.column ?? t('people.import.wholeRow')}
                      </strong>
                      <div>{p.reason}</div>
                    </li>
                  ))}
                </ul>
              ) : (
                <Table<Problem>
                  rowKey={problemKey}
                  columns={columns}
                  dataSource={report.problems}
                  size="small"
                  pagination={{ pageSize: 8, showSizeChanger: false }}
                />
              )}
            </>
          )}
        </>
      )}
    </Modal>
  );
}
