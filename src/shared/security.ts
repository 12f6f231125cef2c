/**
 * The one Content-Security-Policy for the renderer, used by the web host's headers and the
 * Electron shell. Inline styles are allowed because Mantine sets style attributes; scripts
 * only from the app itself, no network beyond our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
