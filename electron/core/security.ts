/**
 * The Content-Security-Policy every window of the app runs under, in Electron
 * and in the browser host alike. Styles may be inline because Ant Design
 * injects its CSS-in-JS at run time; scripts may not.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
