/**
 * The security headers of every response the portal sends, as one table: the API (Hono middleware, on
 * Lambda and locally), the local server's web app and development pages, and CloudFront's response headers
 * policy (infra/lib/web.ts) all read it, and a test reads the headers back from the local server and from
 * the synthesized policy. Pure data: no I/O, no framework.
 */

/** The inline stylesheet of the API docs page (`functions/src/http/docs-page.ts`), allowed by its hash. */
export const DOCS_STYLE_HASH = "'sha256-sekb0VTV6Kx8JMCstMW6fFEqpQKu55JUOlXYM5qyefs='";

/** Origins a deployment adds to the policy (on AWS: Cognito's hosted UI and token endpoints). */
export interface CspSources {
  /** Added to `connect-src` (the token exchange and refresh `fetch`). */
  readonly connect?: readonly string[];
  /** Added to `form-action` (the hosted UI's sign-out form posts back to Cognito). */
  readonly formAction?: readonly string[];
  /**
   * Inline `style` elements and attributes allowed: only the local development pages (`/dev/mailbox`), whose
   * mail previews carry inline styles as every e-mail does. Scripts stay `'self'` only.
   */
  readonly inlineStyles?: boolean;
}

/**
 * The Content-Security-Policy: scripts only from the site's own files (no inline script, no `eval`: the Vite
 * build has none, checked by a test of the built `index.html` and by the browser test), styles from files
 * plus the docs page's one stylesheet by hash, images from files and `data:` (KRDS icons are SVG data URLs),
 * no plugins, no framing by anyone, forms and `<base>` kept to the site.
 */
export function contentSecurityPolicy(sources: CspSources = {}): string {
  const join = (...parts: readonly string[]) => parts.join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${sources.inlineStyles ? "'self' 'unsafe-inline'" : join("'self'", DOCS_STYLE_HASH)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${join("'self'", ...(sources.connect ?? []))}`,
    `form-action ${join("'self'", ...(sources.formAction ?? []))}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** HSTS: two years, subdomains, preload; sent only over HTTPS (on AWS), never by the local http:// server. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains; preload';

/** Powerful browser features the portal never uses, all switched off. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** Every header but the CSP and HSTS (which depend on the deployment): name and value. */
export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  // The old XSS auditor is off: it caused leaks, and the CSP does its job.
  ['X-XSS-Protection', '0'],
];

/** The whole set for one response: the table, the CSP, and HSTS when the response goes out over HTTPS. */
export function securityHeadersFor(options: { https: boolean; csp?: CspSources }): [string, string][] {
  return [
    ...SECURITY_HEADERS.map(([n, v]) => [n, v] as [string, string]),
    ['Content-Security-Policy', contentSecurityPolicy(options.csp)],
    ...(options.https ? [['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY] as [string, string]] : []),
  ];
}
