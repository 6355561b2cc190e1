/**
 * The messages between an embed page and its host page, in a module of their
 * own so that the embed page's script (src/scripts/embed-frame.ts) loads only
 * these and not the embed code builder (src/lib/embed.ts re-exports them).
 */
/** Namespaced message types. */
export const EMBED_MESSAGE = { height: 'cixi-embed:height', ping: 'cixi-embed:ping' } as const;
