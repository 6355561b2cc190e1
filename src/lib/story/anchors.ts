/** Anchors and routes the story links to (src/lib/story.ts re-exports them). */
import { routes } from '../paths';

/** The glossary route (paths.ts holds it; kept under this name for the story's callers). */
export const storyRoutes = { glossary: routes.glossary } as const;
export const termAnchor = (id: string) => `term-${id}`;
export const stepAnchor = (seq: string, key: string) => `step-${seq}-${key}`;
/** Where a term is first used in a story (the glossary links back to it). */
export const termUseAnchor = (id: string) => `use-${id}`;

/** Step sequences the story can hold, with the keys of their steps in order. */
export const SEQUENCES: Record<string, readonly string[]> = {
  housing: ['target', 'pilot', 'compare', 'subsidy'],
};
