import { createBrowserRouter, Navigate } from 'react-router';
import { FullPageSpin, RequireAuth } from './components/require-auth';
import { AppLayout } from './components/app-layout';
import type { RouteHandle } from './components/nav';

// Each page is its own chunk: a phone on a weak signal loads only what it opens.
export const router = createBrowserRouter([
  {
    path: '/login',
    HydrateFallback: FullPageSpin,
    lazy: async () => ({ Component: (await import('./pages/login/login-page')).LoginPage }),
  },
  {
    path: '/',
    HydrateFallback: FullPageSpin,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      {
        path: 'today',
        handle: { nav: 'today' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/today/today-page')).TodayPage }),
      },
      {
        path: 'cases',
        handle: { nav: 'cases' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/cases/cases-page')).CasesPage }),
      },
      {
        path: 'cases/:id',
        handle: { nav: 'cases', sub: 'case' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/cases/case-page')).CasePage }),
      },
      {
        path: 'cases/:id/records/new',
        handle: { nav: 'cases', sub: 'serviceRecord', back: 'case' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/cases/record-page')).RecordPage }),
      },
      {
        path: 'resources',
        handle: { nav: 'resources' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/cases/resources-page')).ResourcesPage,
        }),
      },
      {
        path: 'issues',
        handle: { nav: 'issues' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/issues/issues-page')).IssuesPage }),
      },
      {
        path: 'issues/new',
        handle: { nav: 'issueReport' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/issues/issue-report-page')).IssueReportPage,
        }),
      },
      {
        path: 'issues/:id',
        handle: { nav: 'issues', sub: 'issue' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/issues/issue-page')).IssuePage }),
      },
      {
        path: 'places',
        handle: { nav: 'places' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/places/places-page')).PlacesPage }),
      },
      {
        path: 'places/:id',
        handle: { nav: 'places', sub: 'place' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/places/place-page')).PlacePage }),
      },
      {
        path: 'checklists',
        handle: { nav: 'checklists' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/places/checklists-page')).ChecklistsPage,
        }),
      },
      {
        path: 'checklists/:id',
        handle: { nav: 'checklists', sub: 'checklist' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/places/checklists-page')).ChecklistPage,
        }),
      },
      {
        path: 'patrols',
        handle: { nav: 'patrols' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/patrols/patrols-page')).PatrolsPage,
        }),
      },
      {
        path: 'patrols/:id',
        handle: { nav: 'patrols', sub: 'patrol' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/patrols/patrol-page')).PatrolPage,
        }),
      },
      {
        path: 'inspections/new',
        handle: { nav: 'places', sub: 'inspection' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/inspections/inspection-start-page'))
            .InspectionStartPage,
        }),
      },
      {
        path: 'inspections/:id',
        handle: { nav: 'places', sub: 'inspection' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/inspections/inspection-page')).InspectionPage,
        }),
      },
      {
        path: 'residents',
        handle: { nav: 'residents' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/people/residents-page')).ResidentsPage,
        }),
      },
      {
        path: 'residents/:id',
        handle: { nav: 'residents', sub: 'household' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/people/resident-redirect')).ResidentRedirect,
        }),
      },
      {
        path: 'households/:id',
        handle: { nav: 'residents', sub: 'household' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/people/household-page')).HouseholdPage,
        }),
      },
      {
        path: 'sensitive-access',
        handle: { nav: 'sensitiveAccess' } satisfies RouteHandle,
        lazy: async () => ({
          Component: (await import('./pages/people/sensitive-access-page')).SensitiveAccessPage,
        }),
      },
      {
        path: 'org',
        handle: { nav: 'org' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/org/org-page')).OrgPage }),
      },
      {
        path: 'staff',
        handle: { nav: 'staff' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/staff/staff-page')).StaffPage }),
      },
      {
        path: 'audit',
        handle: { nav: 'audit' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/audit/audit-page')).AuditPage }),
      },
      {
        path: 'me',
        handle: { nav: 'me' } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./pages/me/me-page')).MePage }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./pages/not-found')).NotFoundPage }),
      },
    ],
  },
]);
