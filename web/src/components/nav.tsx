import type { ReactNode } from 'react';
import { useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './plain/use-document-title';
import {
  ApartmentOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  CarOutlined,
  AlertOutlined,
  ProfileOutlined,
  EyeOutlined,
  FormOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HeartOutlined,
  HomeOutlined,
  NotificationOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  MessageOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../common/roles';
import type { Me } from '../../../common/schemas/auth';
import { isAdmin } from '../auth';

export type NavKey =
  | 'today'
  | 'cases'
  | 'resources'
  | 'careRules'
  | 'residents'
  | 'sensitiveAccess'
  | 'org'
  | 'staff'
  | 'audit'
  | 'workdays'
  | 'issues'
  | 'issueReport'
  | 'places'
  | 'checklists'
  | 'patrols'
  | 'surveys'
  | 'activities'
  | 'operations'
  | 'campaigns'
  | 'tips'
  | 'me';
export type ModuleKey = 'social' | 'grid' | 'community' | 'stats' | 'system';
/** A page below a menu entry (the household below the register) names itself in the breadcrumb. */
export type SubPageKey =
  | 'household'
  | 'case'
  | 'serviceRecord'
  | 'issue'
  | 'inspection'
  | 'place'
  | 'checklist'
  | 'patrol'
  | 'survey'
  | 'surveyResults'
  | 'surveyAnswer'
  | 'activity'
  | 'activityCheckIn'
  | 'operation'
  | 'campaign'
  | 'campaignVisit'
  | 'tip'
  | 'tipIntake';
export interface RouteHandle {
  nav: NavKey;
  sub?: SubPageKey;
  /** where the phone's back arrow leads when not to the menu entry: the case of /cases/:id/… */
  back?: 'case' | 'campaign';
}

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** undefined: a home entry outside the modules */
  module?: ModuleKey;
  adminOnly?: boolean;
  /** only callers holding one of these roles see the entry (the server enforces the same) */
  roles?: readonly Role[];
  /** on the desk these live in the top bar, on the phone they need their own tab */
  phoneOnly?: boolean;
}

export const modules: readonly ModuleKey[] = ['social', 'grid', 'community', 'stats', 'system'];

/** The roles that may read residents and households (server: PEOPLE_READERS). */
const peopleReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
  'viewer',
];
/** Who may report an issue (server: issues REPORTERS). */
const issueReporters: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'socialWorker',
  'stationSupervisor',
];
/** Who walks or oversees grid patrols (server: patrols routes). */
const patrolReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'viewer',
];
/** Who runs or reads support operations (server: OPERATION_READERS). */
const operationReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'departmentOfficer',
  'viewer',
];
/** Who runs, helps at or reads community activities (server: ACTIVITY_READERS). */
const activityReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'socialWorker',
  'gridWorker',
  'viewer',
];
/** Who runs, visits for or reads door-to-door campaigns (server: campaigns READERS). */
const campaignReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'viewer',
];
/** Who builds, answers or reads surveys (server: SURVEY_READERS). */
const surveyReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
  'viewer',
];
/** Who takes and triages residents' tips (server: tips TRIAGERS). */
const tipTriagers: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];
/** The staff of a social work station: they carry and supervise cases (server: CASE_WORKERS). */
export const stationRoles: readonly Role[] = ['stationSupervisor', 'socialWorker'];
/** Who may read cases and the resource directory; admins read only (server: CASE_READERS). */
export const caseReaders: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
];

// Order matters on the phone: tabs are taken from the front of this list (see phoneTabs).
export const navItems: readonly NavItem[] = [
  { key: 'today', path: '/today', icon: <HomeOutlined /> },
  { key: 'org', path: '/org', icon: <ApartmentOutlined />, module: 'system' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, module: 'system', adminOnly: true },
  { key: 'audit', path: '/audit', icon: <FileSearchOutlined />, module: 'system', adminOnly: true },
  {
    key: 'workdays',
    path: '/workdays',
    icon: <ScheduleOutlined />,
    module: 'system',
    // The calendar deadlines count by: the district's admins correct it, a street's read it.
    roles: ['districtAdmin', 'streetAdmin'],
  },
  {
    key: 'cases',
    path: '/cases',
    icon: <FolderOpenOutlined />,
    module: 'social',
    roles: caseReaders,
  },
  {
    key: 'resources',
    path: '/resources',
    icon: <BookOutlined />,
    module: 'social',
    roles: caseReaders,
  },
  {
    key: 'careRules',
    path: '/care-rules',
    icon: <HeartOutlined />,
    module: 'social',
    // who sets the tiers' visit intervals (server: updateCareRules)
    roles: ['stationSupervisor', 'streetAdmin'],
  },
  {
    key: 'residents',
    path: '/residents',
    icon: <SolutionOutlined />,
    module: 'social',
    roles: peopleReaders,
  },
  {
    key: 'sensitiveAccess',
    path: '/sensitive-access',
    icon: <EyeOutlined />,
    module: 'social',
    roles: ['stationSupervisor', 'districtAdmin'],
  },
  // Anyone may open the board: the server answers each role with the issues it may read (a
  // department officer sees what was dispatched to them).
  { key: 'issues', path: '/issues', icon: <AlertOutlined />, module: 'grid' },
  { key: 'places', path: '/places', icon: <ShopOutlined />, module: 'grid' },
  { key: 'checklists', path: '/checklists', icon: <CheckSquareOutlined />, module: 'grid' },
  {
    key: 'patrols',
    path: '/patrols',
    icon: <EnvironmentOutlined />,
    module: 'grid',
    roles: patrolReaders,
  },
  {
    key: 'issueReport',
    path: '/issues/new',
    icon: <FormOutlined />,
    module: 'grid',
    roles: issueReporters,
    phoneOnly: true,
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    icon: <NotificationOutlined />,
    module: 'community',
    roles: campaignReaders,
  },
  {
    key: 'operations',
    path: '/operations',
    icon: <CarOutlined />,
    module: 'community',
    roles: operationReaders,
  },
  {
    key: 'activities',
    path: '/activities',
    icon: <CalendarOutlined />,
    module: 'community',
    roles: activityReaders,
  },
  {
    key: 'surveys',
    path: '/surveys',
    icon: <ProfileOutlined />,
    module: 'community',
    roles: surveyReaders,
  },
  {
    key: 'tips',
    path: '/tips',
    icon: <MessageOutlined />,
    module: 'community',
    roles: tipTriagers,
  },
  { key: 'me', path: '/me', icon: <UserOutlined />, phoneOnly: true },
];

const has = (me: Me, roles: readonly Role[]) => me.roles.some((r) => roles.includes(r.role));

/**
 * Staff and audit pages are for administrators, people pages for the roles that work with residents;
 * the server enforces it, the menu just does not tempt. A grid worker finds the register under
 * 网格治理, where the rest of their work is.
 */
export function visibleNavItems(me: Me): NavItem[] {
  const admin = isAdmin(me);
  const gridOnly = has(me, ['gridWorker']) && !has(me, stationRoles);
  return navItems
    .filter((item) => (admin || !item.adminOnly) && (!item.roles || has(me, item.roles)))
    .map((item) => (item.key === 'residents' && gridOnly ? { ...item, module: 'grid' } : item));
}

/** A phone tab: a menu entry, sometimes under a shorter name for that role (对象 for a social worker). */
export interface PhoneTab {
  item: NavItem;
  label:
    | 'today'
    | 'cases'
    | 'records'
    | 'resources'
    | 'careRules'
    | 'residents'
    | 'clients'
    | 'sensitiveAccess'
    | 'org'
    | 'staff'
    | 'audit'
    | 'issues'
    | 'issueReport'
    | 'places'
    | 'checklists'
    | 'patrols'
    | 'surveys'
    | 'activities'
    | 'operations'
    | 'campaigns'
    | 'tips'
    | 'workdays'
    | 'me';
}

/**
 * At most five tabs (the bar stops being readable beyond that at 360 px), chosen by role as UX.md
 * says: a social worker 今日 · 对象 · 记录 · 资源 · 我的, a grid worker 今日 · 巡查 · 走访 · 上报 · 我的.
 * Tabs whose pages do not exist yet are left out rather than shown dead; anything else stays one tap
 * away in the shortcuts of 今日.
 */
export function phoneTabs(me: Me): PhoneTab[] {
  const visible = visibleNavItems(me);
  const tab = (key: NavKey, label: PhoneTab['label'] = key): PhoneTab[] =>
    visible.filter((item) => item.key === key).map((item) => ({ item, label }));
  if (has(me, stationRoles)) {
    return [
      ...tab('today'),
      ...tab('residents', 'clients'),
      ...tab('cases', 'records'),
      ...tab('resources'),
      ...tab('me'),
    ];
  }
  if (has(me, ['gridWorker'])) {
    // 事件 is one tap away in the shortcuts of 今日.
    return [
      ...tab('today'),
      ...tab('patrols'),
      ...tab('campaigns'),
      ...tab('issueReport'),
      ...tab('me'),
    ];
  }
  const rest = visible.filter((item) => item.key !== 'me');
  // A department officer on duty at a support operation moves its batches on from the phone.
  const ops = rest.findIndex((item) => item.key === 'operations');
  if (has(me, ['departmentOfficer']) && ops > 1) rest.splice(1, 0, ...rest.splice(ops, 1));
  const others = rest.slice(0, 4);
  return [...others.flatMap((item) => tab(item.key)), ...tab('me')];
}

export function useCurrentNav(): (NavItem & { sub?: SubPageKey; backPath: string }) | undefined {
  const matches = useMatches();
  const match = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.nav);
  const handle = match?.handle as RouteHandle | undefined;
  const item = navItems.find((i) => i.key === handle?.nav);
  const backPath =
    handle?.back && match?.params.id
      ? `/${handle.back === 'case' ? 'cases' : 'campaigns'}/${match.params.id}`
      : item?.path;
  return item && { ...item, sub: handle?.sub, backPath: backPath ?? item.path };
}

/**
 * The page's name as both frames show it (the phone's header, the desk's breadcrumb) and as the
 * browser tab and a screen reader say it: `居民台账 · 邻里`. One place, so no page can forget it.
 */
export function usePageName(): string | undefined {
  const { t } = useTranslation();
  const current = useCurrentNav();
  const name = current
    ? current.sub
      ? t(`app.pages.${current.sub}`)
      : t(`app.menu.${current.key}`)
    : undefined;
  useDocumentTitle(name ?? t('common.notFound'));
  return name;
}
