import './styles/frame.css';
import './styles/pages.css';
import './styles/people.css';
import './styles/cases.css';
import './styles/case-work.css';
import './styles/issues.css';
import { AntdRoot } from './components/antd-root';
import { AppLayout } from './components/app-layout';
import { RequireAuth } from './components/require-auth';

/**
 * The signed-in app's frame, its own chunk with antd and the app's styles: the log-in and the
 * public tip pages never load it (router.tsx loads it with the full messages).
 */
export function AppShell() {
  return (
    <AntdRoot>
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    </AntdRoot>
  );
}
