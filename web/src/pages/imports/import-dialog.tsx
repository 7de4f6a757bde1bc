import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Modal, Popconfirm, Skeleton, Steps, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Import, ImportKind } from '../../../../common/schemas/imports';
import { apiDownload } from '../../api';
import { useIsPhone } from '../../use-is-phone';
import {
  importsKey,
  useImport,
  useImportText,
  useImportWrites,
  type ImportText,
} from './imports-api';
import {
  ImportMapping,
  initialMapping,
  mappingProblems,
  toMappingInput,
  type MappingState,
} from './import-mapping';
import { ImportProgress, ImportReport } from './import-report';
import '../../styles/imports.css';

interface Props {
  open: boolean;
  onClose: () => void;
  kind: ImportKind;
  /** an unfinished import to come back to; none starts with choosing a file */
  importId?: string | null;
  /** the register's template, e.g. '/households/import-template.xlsx' */
  templatePath: string;
  /** refreshes the register once the import is done */
  onImported: () => Promise<unknown>;
}

const stepKeys = ['stepUpload', 'stepMapping', 'stepCheck', 'stepCommit', 'stepDone'] as const;

function stepOf(imp: Import | undefined): number {
  switch (imp?.status) {
    case undefined:
    case 'cancelled':
      return 0;
    case 'mapping':
      return 1;
    case 'checking':
    case 'checked':
    case 'failed':
      return 2;
    case 'committing':
      return 3;
    case 'done':
      return 4;
  }
}

const SUPPORTED = /\.(xlsx|csv|xls)$/i;

/**
 * 导入 as a job: the file is uploaded once, its columns confirmed, its rows checked and then committed
 * by the server while the dialog shows the progress. Closing the dialog leaves the import where it
 * is; the register page offers to come back to it.
 */
export function ImportDialog(props: Props) {
  const text = useImportText();
  return (
    <Modal
      open={props.open}
      title={text(props.kind === 'places' ? 'titlePlaces' : 'titleResidents')}
      width={880}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      className="import-dialog"
    >
      <ImportFlow {...props} text={text} />
    </Modal>
  );
}

function ImportFlow({
  kind,
  importId: reopened,
  templatePath,
  onImported,
  onClose,
  text,
}: Props & { text: ImportText }) {
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const writes = useImportWrites();
  const [importId, setImportId] = useState<string | null>(reopened ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'upload' | 'mapping' | 'commit' | 'cancel' | 'file' | null>(
    null,
  );
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const query = useImport(importId);
  const imp = importId ? query.data : undefined;
  const step = stepOf(imp);

  // The mapping is the user's from the moment it is first shown; polling does not overwrite it.
  const mappingFor = useRef<string | null>(null);
  useEffect(() => {
    if (imp?.status === 'mapping' && mappingFor.current !== imp.id) {
      mappingFor.current = imp.id;
      setMapping(initialMapping(imp));
    }
  }, [imp]);

  // The register shows the new households once, when the import is done.
  const refreshed = useRef(false);
  useEffect(() => {
    if (imp?.status === 'done' && !refreshed.current) {
      refreshed.current = true;
      void onImported();
    }
  }, [imp?.status, onImported]);

  // Closing leaves the import as it is; the register's list of unfinished imports follows.
  useEffect(
    () => () => void queryClient.invalidateQueries({ queryKey: [...importsKey, 'list'] }),
    [queryClient],
  );

  const run = async (what: NonNullable<typeof busy>, work: () => Promise<unknown>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };

  const upload = () =>
    run('upload', async () => {
      const created = await writes.upload(kind, file!);
      setImportId(created.id);
    });
  const problems = imp && mapping ? mappingProblems(imp, mapping, text) : [];
  const confirmMapping = () =>
    run('mapping', () => writes.confirmMapping(imp!.id, toMappingInput(mapping!)));
  const commit = () => run('commit', () => writes.commit(imp!.id));

  // A header laid out as before is not asked about again: its remembered mapping is confirmed as is.
  const autoConfirmed = useRef<string | null>(null);
  useEffect(() => {
    if (
      imp?.status === 'mapping' &&
      imp.mappingRemembered &&
      mapping &&
      problems.length === 0 &&
      autoConfirmed.current !== imp.id
    ) {
      autoConfirmed.current = imp.id;
      void confirmMapping();
    }
  });
  const restart = () => {
    setImportId(null);
    setFile(null);
    setMapping(null);
    mappingFor.current = null;
    setError(null);
  };
  const cancel = () =>
    run('cancel', async () => {
      await writes.cancel(imp!.id);
      restart();
    });
  const downloadProblems = () =>
    run('file', () =>
      apiDownload(`/imports/${imp!.id}/problems.xlsx`, {}, `${kind}-import-problems.xlsx`),
    );
  const downloadTemplate = () =>
    run('file', () => apiDownload(templatePath, {}, `${kind}-template.xlsx`));

  const big = isPhone ? ('large' as const) : undefined;
  const cancelButton = imp && (
    <Popconfirm
      key="cancel"
      title={text('cancelConfirmTitle')}
      description={text('cancelConfirm')}
      okText={text('cancelImport')}
      okButtonProps={{ danger: true }}
      cancelText={text('close')}
      onConfirm={() => void cancel()}
    >
      <Button danger size={big} block={isPhone} loading={busy === 'cancel'}>
        {text('cancelImport')}
      </Button>
    </Popconfirm>
  );
  const closeButton = (
    <Button key="close" size={big} block={isPhone} onClick={onClose}>
      {text('close')}
    </Button>
  );

  let body: ReactNode;
  let footer: ReactNode[] = [];
  if (importId && !imp) {
    body = query.error ? null : <Skeleton active />;
    footer = [closeButton];
  } else if (!imp || imp.status === 'cancelled') {
    body = (
      <>
        <Upload.Dragger
          accept=".xlsx,.csv,.xls"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            if (!SUPPORTED.test(chosen.name)) {
              setError(text('notSupported'));
            } else {
              setError(null);
              setFile(chosen);
            }
            // Sent when the user asks, not on choosing.
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{text('uploadHint')}</p>
          <p className="ant-upload-hint">
            {text(kind === 'places' ? 'uploadNotePlaces' : 'uploadNoteResidents')}
          </p>
        </Upload.Dragger>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={busy === 'file'}
          onClick={() => void downloadTemplate()}
          className="gap-top"
        >
          {text('template')}
        </Button>
      </>
    );
    footer = [
      closeButton,
      <Button
        key="upload"
        type="primary"
        size={big}
        block={isPhone}
        disabled={!file}
        loading={busy === 'upload'}
        onClick={() => void upload()}
      >
        {text('upload')}
      </Button>,
    ];
  } else if (imp.status === 'mapping') {
    body = mapping && (
      <ImportMapping
        imp={imp}
        text={text}
        state={mapping}
        onChange={setMapping}
        problems={problems}
      />
    );
    footer = [
      cancelButton,
      <Button
        key="confirm"
        type="primary"
        size={big}
        block={isPhone}
        disabled={problems.length > 0}
        loading={busy === 'mapping'}
        onClick={() => void confirmMapping()}
      >
        {text('confirmMapping')}
      </Button>,
    ];
  } else if (imp.status === 'checking' || imp.status === 'committing') {
    body = <ImportProgress imp={imp} text={text} />;
    footer = [closeButton];
  } else if (imp.status === 'checked' || imp.status === 'done') {
    body = (
      <>
        {imp.mappingRemembered && imp.status === 'checked' && (
          <Alert type="info" showIcon title={text('rememberedNote')} className="gap-bottom" />
        )}
        <ImportReport
          imp={imp}
          text={text}
          downloading={busy === 'file'}
          onDownload={() => void downloadProblems()}
        />
      </>
    );
    footer =
      imp.status === 'done'
        ? [
            <Button key="finish" type="primary" size={big} block={isPhone} onClick={onClose}>
              {text('finish')}
            </Button>,
          ]
        : [
            cancelButton,
            <Button
              key="commit"
              type="primary"
              size={big}
              block={isPhone}
              disabled={imp.progress.validRows === 0}
              title={imp.progress.validRows === 0 ? text('commitDisabled') : undefined}
              loading={busy === 'commit'}
              onClick={() => void commit()}
            >
              {text('commit')}
            </Button>,
          ];
  } else {
    // failed: the whole file was refused, or the server stopped with a fault.
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={text('failed')}
        description={imp.error ?? undefined}
      />
    );
    footer = [
      closeButton,
      <Button key="restart" type="primary" size={big} block={isPhone} onClick={restart}>
        {text('restart')}
      </Button>,
    ];
  }

  return (
    <div className="import-flow" data-step={stepKeys[step]} data-status={imp?.status ?? 'upload'}>
      {isPhone ? (
        <p className="import-phone-step">
          {step + 1} / {stepKeys.length} · {text(stepKeys[step])}
        </p>
      ) : (
        <Steps
          size="small"
          current={step}
          status={imp?.status === 'failed' ? 'error' : undefined}
          items={stepKeys.map((key) => ({ title: text(key) }))}
          responsive={false}
          className="gap-bottom"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          closable={{ onClose: () => setError(null) }}
          className="gap-bottom import-error"
        />
      )}
      {query.error && importId && (
        <Alert
          type="error"
          showIcon
          title={text('loadFailed')}
          description={query.error.message}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {text('retry')}
            </Button>
          }
          className="gap-bottom"
        />
      )}
      {body}
      <div className="import-footer">{footer}</div>
    </div>
  );
}
