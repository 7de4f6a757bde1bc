import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from 'antd';
import { RightOutlined } from '@ant-design/icons';

interface Props {
  /** the row's own page; the whole card is the way there unless it holds buttons of its own */
  to: string;
  /** the row's name; without one the tags lead the head */
  title?: ReactNode;
  /** status and other tags, at the head's right */
  tags?: ReactNode;
  /** buttons on the card: the title is then the link, not the whole card */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A register's row on the phone: the title, its tags, a few muted lines, big enough for a thumb. */
export function RegisterCard({ to, title, tags, actions, children, className }: Props) {
  const card = (
    <Card size="small" className={className ? `register-card ${className}` : 'register-card'}>
      <div className="register-card-head">
        <div className="register-card-heading">
          {title && (
            <strong className="register-card-title">
              {actions ? <Link to={to}>{title}</Link> : title}
            </strong>
          )}
          {tags}
        </div>
        {!actions && <RightOutlined className="register-card-arrow" />}
      </div>
      {children}
      {actions && <div className="register-card-actions">{actions}</div>}
    </Card>
  );
  if (actions) return card;
  return (
    <Link to={to} className="register-card-link">
      {card}
    </Link>
  );
}
