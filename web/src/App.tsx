import { lazy, type ReactNode, Suspense, useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import type { Role } from './api/types';
import { useAuth } from './auth/AuthProvider';
import { rememberReturnPath } from './auth/auth';
import { Alert, Loading } from './components/Feedback';
import { useLang } from './i18n/i18n';
import { Layout } from './layout/Layout';
import { Home } from './pages/public/Home';

// Everything past the home page loads on demand, so the first visit downloads only what it shows.
const Catalog = lazy(() => import('./pages/public/Catalog'));
const ProgramPage = lazy(() => import('./pages/public/ProgramPage'));
const Disasters = lazy(() => import('./pages/public/Disasters'));
const Login = lazy(() => import('./pages/public/Login'));
const AuthCallback = lazy(() => import('./pages/public/AuthCallback'));
const NotFound = lazy(() => import('./pages/public/NotFound'));
const MyBusinesses = lazy(() => import('./pages/owner/MyBusinesses'));
const BusinessMatches = lazy(() => import('./pages/owner/BusinessMatches'));
const ClaimBusiness = lazy(() => import('./pages/owner/ClaimBusiness'));
const EditProfile = lazy(() => import('./pages/owner/EditProfile'));
const Notifications = lazy(() => import('./pages/owner/Notifications'));
const AlertSettings = lazy(() => import('./pages/owner/AlertSettings'));
const ApplyPage = lazy(() => import('./pages/owner/ApplyPage'));
const MyApplications = lazy(() => import('./pages/owner/MyApplications'));
const ApplicationDetail = lazy(() => import('./pages/owner/ApplicationDetail'));
const SupportHistory = lazy(() => import('./pages/owner/SupportHistory'));
const StaffPrograms = lazy(() => import('./pages/staff/StaffPrograms'));
const ProgramEditorPage = lazy(() => import('./pages/staff/ProgramEditorPage'));
const ReviewQueue = lazy(() => import('./pages/staff/ReviewQueue'));
const StaffApplicationPage = lazy(() => import('./pages/staff/StaffApplicationPage'));
const ProgramDashboard = lazy(() => import('./pages/staff/ProgramDashboard'));
const DeclareDisaster = lazy(() => import('./pages/staff/DeclareDisaster'));
const DamageImportPage = lazy(() => import('./pages/staff/DamageImportPage'));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** Shows the page only to the given roles; sends anonymous visitors to the login page and back. */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { status, me } = useAuth();
  const { t } = useLang();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (!me) {
    rememberReturnPath(location.pathname + location.search);
    return <Navigate to="/login" replace state={{ reason: 'required' }} />;
  }
  if (!roles.includes(me.role)) return <Alert tone="warning">{t('auth.forbidden')}</Alert>;
  return <Page>{children}</Page>;
}

const owner: Role[] = ['owner'];
const staff: Role[] = ['staff', 'admin'];

export const routes = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      {
        path: '/programs',
        element: (
          <Page>
            <Catalog />
          </Page>
        ),
      },
      {
        path: '/programs/:id',
        element: (
          <Page>
            <ProgramPage />
          </Page>
        ),
      },
      {
        path: '/disasters',
        element: (
          <Page>
            <Disasters />
          </Page>
        ),
      },
      {
        path: '/login',
        element: (
          <Page>
            <Login />
          </Page>
        ),
      },
      {
        path: '/auth/callback',
        element: (
          <Page>
            <AuthCallback />
          </Page>
        ),
      },
      {
        path: '/my',
        element: (
          <RequireRole roles={owner}>
            <MyBusinesses />
          </RequireRole>
        ),
      },
      {
        path: '/my/claim',
        element: (
          <RequireRole roles={owner}>
            <ClaimBusiness />
          </RequireRole>
        ),
      },
      {
        path: '/my/notifications',
        element: (
          <RequireRole roles={owner}>
            <Notifications />
          </RequireRole>
        ),
      },
      {
        path: '/my/alert-settings',
        element: (
          <RequireRole roles={owner}>
            <AlertSettings />
          </RequireRole>
        ),
      },
      {
        path: '/my/businesses/:brn',
        element: (
          <RequireRole roles={owner}>
            <BusinessMatches />
          </RequireRole>
        ),
      },
      {
        path: '/my/businesses/:brn/edit',
        element: (
          <RequireRole roles={owner}>
            <EditProfile />
          </RequireRole>
        ),
      },
      {
        path: '/my/businesses/:brn/apply',
        element: (
          <RequireRole roles={owner}>
            <ApplyPage />
          </RequireRole>
        ),
      },
      {
        path: '/my/businesses/:brn/history',
        element: (
          <RequireRole roles={owner}>
            <SupportHistory />
          </RequireRole>
        ),
      },
      {
        path: '/my/applications',
        element: (
          <RequireRole roles={owner}>
            <MyApplications />
          </RequireRole>
        ),
      },
      {
        path: '/my/applications/:id',
        element: (
          <RequireRole roles={owner}>
            <ApplicationDetail />
          </RequireRole>
        ),
      },
      {
        path: '/staff',
        element: (
          <RequireRole roles={staff}>
            <StaffPrograms />
          </RequireRole>
        ),
      },
      {
        path: '/staff/programs/new',
        element: (
          <RequireRole roles={staff}>
            <ProgramEditorPage />
          </RequireRole>
        ),
      },
      {
        path: '/staff/programs/:id',
        element: (
          <RequireRole roles={staff}>
            <ProgramEditorPage />
          </RequireRole>
        ),
      },
      {
        path: '/staff/programs/:id/applications',
        element: (
          <RequireRole roles={staff}>
            <ReviewQueue />
          </RequireRole>
        ),
      },
      {
        path: '/staff/programs/:id/dashboard',
        element: (
          <RequireRole roles={staff}>
            <ProgramDashboard />
          </RequireRole>
        ),
      },
      {
        path: '/staff/applications/:id',
        element: (
          <RequireRole roles={staff}>
            <StaffApplicationPage />
          </RequireRole>
        ),
      },
      {
        path: '/staff/disasters/new',
        element: (
          <RequireRole roles={staff}>
            <DeclareDisaster />
          </RequireRole>
        ),
      },
      {
        path: '/staff/disasters/:id/damage-imports',
        element: (
          <RequireRole roles={staff}>
            <DamageImportPage />
          </RequireRole>
        ),
      },
      {
        path: '*',
        element: (
          <Page>
            <NotFound />
          </Page>
        ),
      },
    ],
  },
];

export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
