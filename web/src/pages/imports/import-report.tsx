import { Alert, Button, Progress, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Import, ImportProblem } from '../../../../common/schemas/imports';
import { useIsPhone } from '../../use-is-phone';
import type { ImportText } from './imports-api';

const problemKey = (p: ImportProblem, i: number) => `${i}-${p.row}-${p.column ?? ''}-${p.code}`;

/** Rows checked (while checking) or households registered (while committing), polled. */
export function ImportProgress({ imp, text }: { imp: Import; text: ImportText }) {
  const p = imp.progress;
  const committing = imp.status === 'committing';
  const done = committing ? p.householdsRegistered : p.rowsChecked;
  const total = committing ? p.households : p.totalRows;
  const percent = total ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const places = imp.kind === 'places';
  const label = committing
    ? text(places ? 'placesRegistered' : 'householdsRegistered', { done, total: total ?? 0 })
    : total !== null
      ? text('rowsChecked', { checked: done, total })
      : text('rowsCheckedUnknown', { checked: done });
  return (
    <div className="import-progress" aria-live="polite">
      <h3>{text(committing ? 'committing' : 'checking')}</h3>
      <Progress percent={percent} status="active" aria-label={label} />
      <p className="import-progress-label">{label}</p>
      <div className="import-counts">
        <Statistic title={text('totalRows')} value={p.totalRows ?? '—'} />
        {!places && <Statistic title={text('households')} value={p.households} />}
        <Statistic
          title={text('problemRows')}
          value={p.problemRows}
          styles={{ content: p.problemRows ? { color: '#cf1322' } : undefined }}
        />
      </div>
      <p className="import-muted">{text('checkingNote')}</p>
    </div>
  );
}

interface ReportProps {
  imp: Import;
  text: ImportText;
  downloading: boolean;
  onDownload: () => void;
}

/** The checked file: counts, the first problems with 原行号, and the problem file to download. */
export function ImportReport({ imp, text, downloading, onDownload }: ReportProps) {
  const isPhone = useIsPhone();
  const p = imp.progress;
  const places = imp.kind === 'places';
  const done = imp.status === 'done';
  const columns = [
    { key: 'row', title: text('row'), dataIndex: 'row', width: 90 },
    {
      key: 'column',
      title: text('problemColumn'),
      width: 140,
      render: (_: unknown, problem: ImportProblem) => problem.column ?? text('wholeRow'),
    },
    { key: 'reason', title: text('reason'), dataIndex: 'reason' },
  ];
  return (
    <div className="import-report">
      {done && (
        <Alert
          type="success"
          showIcon
          className="gap-bottom"
          title={
            places
              ? text('donePlaces', { count: p.householdsRegistered })
              : text('doneResidents', { households: p.householdsRegistered, rows: p.validRows })
          }
          description={
            !places && p.membersAdded > 0
              ? text('doneMembersAdded', { count: p.membersAdded })
              : undefined
          }
        />
      )}
      <div className="import-counts">
        <Statistic title={text('totalRows')} value={p.totalRows ?? p.rowsChecked} />
        <Statistic title={text('validRows')} value={p.validRows} />
        <Statistic title={text(places ? 'places' : 'households')} value={p.households} />
        <Statistic
          title={text('problemRows')}
          value={p.problemRows}
          styles={{ content: p.problemRows ? { color: '#cf1322' } : undefined }}
        />
      </div>
      {!done && p.problemRows === 0 && <Alert type="success" showIcon title={text('noProblems')} />}
      {p.problemRows > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={text(places ? 'problemsNotePlaces' : 'problemsNote')}
          />
          <Button
            block={isPhone}
            size={isPhone ? 'large' : undefined}
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={onDownload}
            className="import-problems-download"
          >
            {text('downloadProblems')}
          </Button>
          {imp.problems.length < p.problemRows && (
            <p className="import-muted">{text('problemsShown', { shown: imp.problems.length })}</p>
          )}
          {isPhone ? (
            <ul className="import-problem-list" aria-label={text('reason')}>
              {imp.problems.map((problem, i) => (
                <li key={problemKey(problem, i)}>
                  <strong>
                    {text('row')} {problem.row} · {problem.column ?? text('wholeRow')}
                  </strong>
                  <div>{problem.reason}</div>
                </li>
              ))}
            </ul>
          ) : (
            <Table<ImportProblem>
              className="import-problem-table"
              rowKey={(problem) => problemKey(problem, imp.problems.indexOf(problem))}
              columns={columns}
              dataSource={imp.problems}
              size="small"
              pagination={{ pageSize: 8, showSizeChanger: false }}
            />
          )}
        </>
      )}
    </div>
  );
}
