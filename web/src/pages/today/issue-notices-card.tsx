import { Link } from 'react-router';
import { Badge, Button, Card, List, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMarkNoticeRead, useUnreadNotices } from '../issues/issues-api';
import { IssueStatusTag } from '../issues/issue-tags';

/**
 * Escalations and urgings sent to the caller's units: an overdue issue reaches the level above here,
 * on the first page they open. Shown only while something is unread.
 */
export function IssueNoticesCard() {
  const { t } = useTranslation();
  const notices = useUnreadNotices();
  const read = useMarkNoticeRead();
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  const markRead = (id: string) => read.mutateAsync(id);
  return (
    <Card
      className="issue-notices"
      title={
        <Space>
          <BellOutlined />
          {t('today.noticesTitle')}
          <Badge count={notices.data?.total} />
        </Space>
      }
    >
      <List
        dataSource={items}
        renderItem={(n) => (
          <List.Item
            actions={[
              <Button key="read" size="small" onClick={() => void markRead(n.id)}>
                {t('today.markRead')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text type={n.kind === 'escalation' ? 'danger' : 'warning'} strong>
                    {t(n.kind === 'escalation' ? 'today.noticeEscalation' : 'today.noticeUrge', {
                      unit: n.unit.name,
                    })}
                  </Typography.Text>
                  <IssueStatusTag status={n.issueStatus} />
                </Space>
              }
              description={
                <>
                  <Link to={`/issues/${n.issueId}`}>{n.issueDescription}</Link>
                  {n.note && <div className="muted small">{n.note}</div>}
                  <div className="muted small">
                    {dayjs(n.createdAt).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm')}
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
