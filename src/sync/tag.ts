/**
 * The Background Sync tag, shared by the page (which registers it) and the
 * service worker (which drains the outbox when it fires). Its own module so
 * the service worker need not import page.ts, which touches window/document.
 */
export const SYNC_TAG = 'ground-up-outbox';
