import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitch } from "~/components/language-switch";
import { ToastMessage } from "~/components/toast";
import { I18nProvider, useT } from "~/i18n/react";
import { DEFAULT_LOCALE } from "~/i18n/locales";
import { translator } from "~/i18n";
import { unseenReminderCount } from "~/models/reminder.server";
import { hasRole } from "~/models/roles";
import appStyles from "~/styles/app.css";
import { getUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { getToast } from "~/utils/toast.server";
// Loaded on every page, server and browser: it sets the catalog messages of every form schema.
import "~/utils/validation";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.png", type: "image/png" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translator(data?.locale ?? DEFAULT_LOCALE)("app.name") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = await getLocale(request, user);
  const { toast, headers } = await getToast(request);
  const reminders = user ? await unseenReminderCount(user.id) : 0;
  return data({ user, locale, toast, reminders, nonce: context.cspNonce ?? "" }, headers ? { headers } : undefined);
}

export type RootLoader = typeof loader;

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

function Document({ children, locale, nonce }: { children: ReactNode; locale: string; nonce: string }) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Navigation({ role }: { role: string }) {
  const t = useT();
  const location = useLocation();
  // The work itself; the reference records people look up less often are under one menu, so that
  // the header keeps to one row at 1280 px in both languages.
  const items = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/demands", label: t("nav.demands") },
    { to: "/status-board", label: t("nav.board") },
    { to: "/dashboard", label: t("nav.dashboard") },
    { to: "/requests", label: t("nav.requests") },
    { to: "/rounds", label: t("nav.rounds") },
    { to: "/consultations", label: t("nav.consultations") },
    { to: "/calendar", label: t("nav.calendar") },
    { to: "/un", label: t("nav.un") },
  ];
  const directory = [
    { to: "/instruments", label: t("nav.instruments") },
    { to: "/bodies", label: t("nav.bodies") },
    { to: "/organisations", label: t("nav.organisations") },
    { to: "/networks", label: t("nav.networks") },
    { to: "/people", label: t("nav.people") },
  ];
  if (hasRole(role, "admin")) directory.push({ to: "/admin/users", label: t("nav.users") });
  const inDirectory = directory.some((item) => location.pathname === item.to || location.pathname.startsWith(`${item.to}/`));
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
        <li>
          {/* Remounted on each page, so that the menu closes once a page of it is chosen. */}
          <details className="nav-menu" key={location.pathname}>
            <summary className={inDirectory ? "active" : undefined}>{t("nav.directory")}</summary>
            <ul>
              {directory.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}

/** The search box on every page (routes/search.tsx); it keeps what was searched while on the search page. */
function HeaderSearch() {
  const t = useT();
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action="/search" role="search" className="header-search" aria-label={t("search.landmark")}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t("search.label")}
      </label>
      <input id="header-search-q" type="search" name="q" key={current} defaultValue={current} placeholder={t("search.placeholder")} />
      <button type="submit">{t("search.submit")}</button>
    </Form>
  );
}

/** Whether the page is a public page that loaded (docs/decisions/018): a refused one looks like any other 404. */
function usePublicLayout() {
  return useMatches().some((m) => {
    const handle: unknown = m.handle;
    return Boolean(handle && typeof handle === "object" && "publicLayout" in handle && handle.publicLayout && m.data);
  });
}

/** The public page's frame: its name, the language switch, nothing of the tracker (no menus, no account). */
function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header public-header">
        <div className="brand">
          <a href="/public">{t("public.siteName")}</a>
        </div>
        <div className="header-tools">
          <LanguageSwitch redirectTo={`${location.pathname}${location.search}`} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="public-footer">
        <p className="muted">{t("public.footer")}</p>
      </footer>
    </>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { user, reminders } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const publicLayout = usePublicLayout();
  if (publicLayout) return <PublicShell>{children}</PublicShell>;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="brand">
          <a href="/">{t("app.name")}</a>
        </div>
        {user ? <Navigation role={user.role} /> : null}
        <div className="header-tools">
          {user ? <HeaderSearch /> : null}
          <LanguageSwitch redirectTo={`${location.pathname}${location.search}`} />
          {user ? (
            <details className="user-menu">
              <summary>
                {user.name} <span className="role-badge">{t(`role.${user.role}`)}</span>
                {reminders ? <span className="badge badge-status reminder-count">{t("nav.remindersUnseen", { count: reminders })}</span> : null}
              </summary>
              <div className="user-menu-panel">
                <a href="/settings/password">{t("nav.changePassword")}</a>
                <a href="/settings/api-tokens">{t("nav.apiTokens")}</a>
                <a href="/reminders">{t("nav.reminders")}{reminders ? ` (${reminders})` : ""}</a>
                <a href="/settings/calendar">{t("nav.calendarSettings")}</a>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
                <Form method="post" action="/logout">
                  <input type="hidden" name="everywhere" value="true" />
                  <button type="submit" className="link-button">
                    {t("nav.signOutEverywhere")}
                  </button>
                </Form>
              </div>
            </details>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export default function App() {
  const { locale, nonce, toast } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale} nonce={nonce}>
      <I18nProvider locale={locale}>
        <Shell>
          {toast ? <ToastMessage toast={toast} /> : null}
          <Outlet />
        </Shell>
      </I18nProvider>
    </Document>
  );
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? DEFAULT_LOCALE;
  return (
    <Document locale={locale} nonce={root?.nonce ?? ""}>
      <I18nProvider locale={locale}>
        <main id="main" className="standalone">
          <GeneralErrorBoundary />
        </main>
      </I18nProvider>
    </Document>
  );
}
