/** Words for a draft's codes in the page's language: kind, conference, decision, status, state, addresses. */
import type { Decision, DraftStatus } from '../../domain/workspace/drafts.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { localizedUrl } from '../../web/paths.ts';
import { stateNameIn } from '../regions/index.ts';
import { JOINT_DRAFT_PATHS } from './paths.ts';

type Texts = { t: Translator; locale: 'de' | 'en' };

export const stateName = (ctx: Texts, code: string): string => stateNameIn(ctx.locale, code);
export const kindName = (ctx: Texts, kind: string): string => ctx.t.t(`drafts.kind.${kind}`);
export const targetName = (ctx: Texts, target: string): string => ctx.t.t(`drafts.target.${target}`);
export const statusText = (ctx: Texts, status: DraftStatus): string => ctx.t.t(`drafts.status.${status}`);
export const decisionText = (ctx: Texts, d: Decision | null): string =>
  ctx.t.t(d ? `drafts.decision.${d}` : 'drafts.decision.open');

export const draftUrl = (
  ctx: { locale: 'de' | 'en' },
  path: keyof typeof JOINT_DRAFT_PATHS,
  id: string,
  query = '',
): string => `${localizedUrl(JOINT_DRAFT_PATHS[path], ctx.locale, { id })}${query}`;
