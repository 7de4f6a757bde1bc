import type { ReactNode } from 'react';
import { useMatches } from 'react-router';
import {
  ApartmentOutlined,
  FileSearchOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Me } from '../../../common/schemas/auth';
import { isAdmin } from '../auth';

export type NavKey = 'today' | 'org' | 'staff' | 'audit' | 'me';
export type ModuleKey = 'social' | 'grid' | 'community' | 'stats' | 'system';
export interface RouteHandle {
  nav: NavKey;
}

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** undefined: a home entry outside the modules */
  module?: ModuleKey;
  adminOnly?: boolean;
  /** on the desk these live in the top bar, on the phone they need their own tab */
  phoneOnly?: boolean;
}

export const modules: readonly ModuleKey[] = ['social', 'grid', 'community', 'stats', 'system'];

export const navItems: readonly NavItem[] = [
  { key: 'today', path: '/today', icon: <HomeOutlined /> },
  { key: 'org', path: '/org', icon: <ApartmentOutlined />, module: 'system' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, module: 'system', adminOnly: true },
  { key: 'audit', path: '/audit', icon: <FileSearchOutlined />, module: 'system', adminOnly: true },
  { key: 'me', path: '/me', icon: <UserOutlined />, phoneOnly: true },
];

/** Staff and audit pages are for administrators; the server enforces it, the menu just does not tempt. */
export function visibleNavItems(me: Me): NavItem[] {
  const admin = isAdmin(me);
  return navItems.filter((item) => admin || !item.adminOnly);
}

export function useCurrentNav(): NavItem | undefined {
  const matches = useMatches();
  const handle = matches
    .map((m) => m.handle as RouteHandle | undefined)
    .reverse()
    .find((h) => h?.nav);
  return navItems.find((item) => item.key === handle?.nav);
}
