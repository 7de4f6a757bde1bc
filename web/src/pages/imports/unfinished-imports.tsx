import { Alert, Button } from 'antd';
import type { ImportKind } from '../../../../common/schemas/imports';
import { formatTime } from '../../i18n';
import { isUnfinished, useImports, useImportText } from './imports-api';

interface Props {
  kind: ImportKind;
  /** only someone who may import is told about imports */
  enabled: boolean;
  onOpen: (id: string) => void;
}

/** The caller's imports of this register left part-way, each one tap from where it stopped. */
export function UnfinishedImports({ kind, enabled, onOpen }: Props) {
  const text = useImportText();
  const list = useImports(kind, enabled);
  const unfinished = (list.data ?? []).filter((i) => isUnfinished(i.status));
  if (!enabled || unfinished.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="gap-bottom unfinished-imports"
      title={text('unfinishedTitle')}
      description={
        <ul className="unfinished-import-list">
          {unfinished.slice(0, 3).map((i) => (
            <li key={i.id}>
              <span>
                {text('unfinished', {
                  file: i.fileName,
                  status: text(`status_${i.status}`),
                  time: formatTime(i.updatedAt),
                })}
              </span>
              <Button type="link" onClick={() => onOpen(i.id)} className="unfinished-import-open">
                {text('reopen')}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}
