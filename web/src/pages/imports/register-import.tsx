import { useState } from 'react';
import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportKind } from '../../../../common/schemas/imports';
import { ImportDialog } from './import-dialog';
import { UnfinishedImports } from './unfinished-imports';

interface Options {
  kind: ImportKind;
  /** only someone who may write the register imports into it */
  enabled: boolean;
  label: string;
  /** the register's template, e.g. '/households/import-template.xlsx' */
  templatePath: string;
  /** refreshes the register once the import is done */
  onImported: () => Promise<unknown>;
}

/**
 * A register's 导入, in the three places it shows: the button beside 导出, the imports left part-way
 * above the list (each reopens where it stopped), and the two-step dialog.
 */
export function useRegisterImport({ kind, enabled, label, templatePath, onImported }: Options) {
  const [open, setOpen] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);
  const openImport = (id: string | null) => {
    setImportId(id);
    setOpen(true);
  };
  return {
    button: enabled && (
      <Button icon={<UploadOutlined />} onClick={() => openImport(null)}>
        {label}
      </Button>
    ),
    unfinished: <UnfinishedImports kind={kind} enabled={enabled} onOpen={openImport} />,
    dialog: (
      <ImportDialog
        open={open}
        onClose={() => setOpen(false)}
        kind={kind}
        importId={importId}
        templatePath={templatePath}
        onImported={onImported}
      />
    ),
  };
}
