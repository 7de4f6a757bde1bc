import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import type { MessagePart } from '../../common/i18n/parts';
import type { RouteHandle } from './components/nav';
import { FullPageSpin } from './components/plain/page-spin';
import { loadAppMessages, loadMessages } from './i18n';
import { LoginPage } from './pages/login/login-page';
import { PublicStatusPage } from './pages/tips/public-status-page';
import { PublicTipPage } from './pages/tips/public-tip-page';

/**
 * A page's code and the words of the modules it shows beyond the app's core, fetched side by side
 * before it renders (test/web-messages.test.ts checks each page names every part it uses).
 */
const page = (parts: readonly MessagePart[], load: () => Promise<ComponentType>) => async () => {
  const [Component] = await Promise.all([load(), loadMessages(parts)]);
  return { Component };
};

// A phone on a weak signal loads only what it opens. The log-in and the resident's pages are plain
// HTML, a few kB, and come with the entry so they wait for no second request; the signed-in app
// (antd, its frame and its words) and each of its pages are chunks of their own, loaded by import().
export const router = createBrowserRouter([
  {
    path: '/login',
    Component: LoginPage,
  },
  // The resident's pages: no log-in, outside the app's frame.
  {
    path: '/tip',
    Component: PublicTipPage,
  },
  {
    path: '/tip/status',
    Component: PublicStatusPage,
  },
  {
    path: '/',
    HydrateFallback: FullPageSpin,
    lazy: async () => {
      const [{ AppShell }] = await Promise.all([import('./app-shell'), loadAppMessages()]);
      return { Component: AppShell };
    },
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      {
        path: 'today',
        handle: { nav: 'today' } satisfies RouteHandle,
        lazy: page(
          ['case-ui', 'cases', 'issues'],
          async () => (await import('./pages/today/today-page')).TodayPage,
        ),
      },
      {
        path: 'cases',
        handle: { nav: 'cases' } satisfies RouteHandle,
        lazy: page(
          ['case-ui', 'cases', 'people', 'tips'],
          async () => (await import('./pages/cases/cases-page')).CasesPage,
        ),
      },
      {
        path: 'cases/:id',
        handle: { nav: 'cases', sub: 'case' } satisfies RouteHandle,
        lazy: page(
          ['case-ui', 'cases', 'people'],
          async () => (await import('./pages/cases/case-page')).CasePage,
        ),
      },
      {
        path: 'cases/:id/records/new',
        handle: { nav: 'cases', sub: 'serviceRecord', back: 'case' } satisfies RouteHandle,
        lazy: page(
          ['case-ui', 'cases', 'people'],
          async () => (await import('./pages/cases/record-page')).RecordPage,
        ),
      },
      {
        path: 'resources',
        handle: { nav: 'resources' } satisfies RouteHandle,
        lazy: page(
          ['case-ui', 'cases'],
          async () => (await import('./pages/cases/resources-page')).ResourcesPage,
        ),
      },
      {
        path: 'care-rules',
        handle: { nav: 'careRules' } satisfies RouteHandle,
        lazy: page(
          ['case-ui', 'cases'],
          async () => (await import('./pages/cases/care-rules-page')).CareRulesPage,
        ),
      },
      {
        path: 'issues',
        handle: { nav: 'issues' } satisfies RouteHandle,
        lazy: page(['issues'], async () => (await import('./pages/issues/issues-page')).IssuesPage),
      },
      {
        path: 'issues/new',
        handle: { nav: 'issueReport' } satisfies RouteHandle,
        lazy: page(
          ['issues'],
          async () => (await import('./pages/issues/issue-report-page')).IssueReportPage,
        ),
      },
      {
        path: 'issues/:id',
        handle: { nav: 'issues', sub: 'issue' } satisfies RouteHandle,
        lazy: page(['issues'], async () => (await import('./pages/issues/issue-page')).IssuePage),
      },
      {
        path: 'places',
        handle: { nav: 'places' } satisfies RouteHandle,
        lazy: page(['places'], async () => (await import('./pages/places/places-page')).PlacesPage),
      },
      {
        path: 'places/:id',
        handle: { nav: 'places', sub: 'place' } satisfies RouteHandle,
        lazy: page(
          ['issues', 'places'],
          async () => (await import('./pages/places/place-page')).PlacePage,
        ),
      },
      {
        path: 'checklists',
        handle: { nav: 'checklists' } satisfies RouteHandle,
        lazy: page(
          ['places'],
          async () => (await import('./pages/places/checklists-page')).ChecklistsPage,
        ),
      },
      {
        path: 'checklists/:id',
        handle: { nav: 'checklists', sub: 'checklist' } satisfies RouteHandle,
        lazy: page(
          ['places'],
          async () => (await import('./pages/places/checklists-page')).ChecklistPage,
        ),
      },
      {
        path: 'patrols',
        handle: { nav: 'patrols' } satisfies RouteHandle,
        lazy: page(
          ['issues', 'patrols', 'places'],
          async () => (await import('./pages/patrols/patrols-page')).PatrolsPage,
        ),
      },
      {
        path: 'patrols/:id',
        handle: { nav: 'patrols', sub: 'patrol' } satisfies RouteHandle,
        lazy: page(
          ['issues', 'patrols', 'places'],
          async () => (await import('./pages/patrols/patrol-page')).PatrolPage,
        ),
      },
      {
        path: 'campaigns',
        handle: { nav: 'campaigns' } satisfies RouteHandle,
        lazy: page(
          ['campaigns'],
          async () => (await import('./pages/campaigns/campaigns-page')).CampaignsPage,
        ),
      },
      {
        path: 'campaigns/:id',
        handle: { nav: 'campaigns', sub: 'campaign' } satisfies RouteHandle,
        lazy: page(
          ['campaigns'],
          async () => (await import('./pages/campaigns/campaign-page')).CampaignPage,
        ),
      },
      {
        path: 'campaigns/:id/households/:householdId',
        handle: { nav: 'campaigns', sub: 'campaignVisit', back: 'campaign' } satisfies RouteHandle,
        lazy: page(
          ['campaigns', 'issues', 'surveys'],
          async () => (await import('./pages/campaigns/visit-page')).VisitPage,
        ),
      },
      {
        path: 'operations',
        handle: { nav: 'operations' } satisfies RouteHandle,
        lazy: page(
          ['operations'],
          async () => (await import('./pages/operations/operations-page')).OperationsPage,
        ),
      },
      {
        path: 'operations/:id',
        handle: { nav: 'operations', sub: 'operation' } satisfies RouteHandle,
        lazy: page(
          ['operations'],
          async () => (await import('./pages/operations/operation-page')).OperationPage,
        ),
      },
      {
        path: 'activities',
        handle: { nav: 'activities' } satisfies RouteHandle,
        lazy: page(
          ['activities'],
          async () => (await import('./pages/activities/activities-page')).ActivitiesPage,
        ),
      },
      {
        path: 'activities/:id',
        handle: { nav: 'activities', sub: 'activity' } satisfies RouteHandle,
        lazy: page(
          ['activities', 'issues', 'people', 'surveys'],
          async () => (await import('./pages/activities/activity-page')).ActivityPage,
        ),
      },
      {
        path: 'activities/:id/check-in',
        handle: { nav: 'activities', sub: 'activityCheckIn' } satisfies RouteHandle,
        lazy: page(
          ['activities', 'people'],
          async () => (await import('./pages/activities/check-in-page')).CheckInPage,
        ),
      },
      {
        path: 'surveys',
        handle: { nav: 'surveys' } satisfies RouteHandle,
        lazy: page(
          ['surveys'],
          async () => (await import('./pages/surveys/surveys-page')).SurveysPage,
        ),
      },
      {
        path: 'surveys/new',
        handle: { nav: 'surveys', sub: 'survey' } satisfies RouteHandle,
        lazy: page(
          ['surveys'],
          async () => (await import('./pages/surveys/survey-builder-page')).SurveyBuilderPage,
        ),
      },
      {
        path: 'surveys/:id',
        handle: { nav: 'surveys', sub: 'survey' } satisfies RouteHandle,
        lazy: page(
          ['surveys'],
          async () => (await import('./pages/surveys/survey-builder-page')).SurveyBuilderPage,
        ),
      },
      {
        path: 'surveys/:id/results',
        handle: { nav: 'surveys', sub: 'surveyResults' } satisfies RouteHandle,
        lazy: page(
          ['surveys'],
          async () => (await import('./pages/surveys/survey-results-page')).SurveyResultsPage,
        ),
      },
      {
        path: 'surveys/:id/answer',
        handle: { nav: 'surveys', sub: 'surveyAnswer' } satisfies RouteHandle,
        lazy: page(
          ['surveys'],
          async () => (await import('./pages/surveys/survey-answer-page')).SurveyAnswerPage,
        ),
      },
      {
        path: 'inspections/new',
        handle: { nav: 'places', sub: 'inspection' } satisfies RouteHandle,
        lazy: page(
          ['places'],
          async () =>
            (await import('./pages/inspections/inspection-start-page')).InspectionStartPage,
        ),
      },
      {
        path: 'inspections/:id',
        handle: { nav: 'places', sub: 'inspection' } satisfies RouteHandle,
        lazy: page(
          ['issues', 'people', 'places'],
          async () => (await import('./pages/inspections/inspection-page')).InspectionPage,
        ),
      },
      {
        path: 'residents',
        handle: { nav: 'residents' } satisfies RouteHandle,
        lazy: page(
          ['people'],
          async () => (await import('./pages/people/residents-page')).ResidentsPage,
        ),
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
        lazy: page(
          ['case-ui', 'cases', 'people'],
          async () => (await import('./pages/people/household-page')).HouseholdPage,
        ),
      },
      {
        path: 'sensitive-access',
        handle: { nav: 'sensitiveAccess' } satisfies RouteHandle,
        lazy: page(
          ['people'],
          async () => (await import('./pages/people/sensitive-access-page')).SensitiveAccessPage,
        ),
      },
      {
        path: 'org',
        handle: { nav: 'org' } satisfies RouteHandle,
        lazy: page(['org'], async () => (await import('./pages/org/org-page')).OrgPage),
      },
      {
        path: 'staff',
        handle: { nav: 'staff' } satisfies RouteHandle,
        lazy: page(['staff'], async () => (await import('./pages/staff/staff-page')).StaffPage),
      },
      {
        path: 'audit',
        handle: { nav: 'audit' } satisfies RouteHandle,
        lazy: page(['audit'], async () => (await import('./pages/audit/audit-page')).AuditPage),
      },
      {
        path: 'workdays',
        handle: { nav: 'workdays' } satisfies RouteHandle,
        lazy: page(
          ['issues'],
          async () => (await import('./pages/issues/workdays-page')).WorkdaysPage,
        ),
      },
      {
        path: 'tips',
        handle: { nav: 'tips' } satisfies RouteHandle,
        lazy: page(['tips'], async () => (await import('./pages/tips/tips-page')).TipsPage),
      },
      {
        path: 'tips/new',
        handle: { nav: 'tips', sub: 'tipIntake' } satisfies RouteHandle,
        lazy: page(
          ['issues', 'tips'],
          async () => (await import('./pages/tips/tip-intake-page')).TipIntakePage,
        ),
      },
      {
        path: 'tips/:id',
        handle: { nav: 'tips', sub: 'tip' } satisfies RouteHandle,
        lazy: page(['issues', 'tips'], async () => (await import('./pages/tips/tip-page')).TipPage),
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
