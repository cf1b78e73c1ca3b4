/**
 * Joint drafts of the states and their sign-off (issue 17, agreement V4): a resolution proposal, a statement or a
 * Bundesrat initiative for a ministers' conference, written in versions and signed off by every participating
 * state. Pure: the check of a new draft, the split of a text into paragraphs, the sign-off state machine, which
 * states are due a reminder, and the diff model between two versions.
 */
import { addDays, type IsoDate, isIsoDate } from '../calendar.ts';

export const DRAFT_KINDS = ['resolution', 'statement', 'bundesrat-initiative'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The conferences a draft is prepared for (shown by their plain names). */
export const DRAFT_TARGETS = ['wmk', 'asmk', 'intmk', 'mpk-ost', 'bundesrat'] as const;
export type DraftTarget = (typeof DRAFT_TARGETS)[number];

export const DECISIONS = ['agree', 'agree-with-remarks', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

export const MIN_DRAFT_STATES = 2;
export const MAX_DRAFT_STATES = 6;
/** The longest text of one version, in characters. */
export const MAX_DRAFT_TEXT = 50_000;
export const MAX_REMARKS = 4_000;

export type Refusal = { readonly ok: false; readonly field: string; readonly rule: string };

/** A text's paragraphs: separated by one or more blank lines, each trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The text as stored: its paragraphs joined by one blank line. */
export const normaliseText = (text: string): string => paragraphsOf(text).join('\n\n');

/** Checks the text of a version: at least one paragraph, at most MAX_DRAFT_TEXT characters. */
export function checkText(text: string): { ok: true; text: string } | Refusal {
  const normal = normaliseText(text);
  if (normal.length === 0) return { ok: false, field: 'text', rule: 'required' };
  if (normal.length > MAX_DRAFT_TEXT) return { ok: false, field: 'text', rule: 'max' };
  return { ok: true, text: normal };
}

export interface DraftDates {
  readonly targetDate: IsoDate;
  readonly deadline: IsoDate;
}

/** The sign-off deadline is a real day, on or before the conference's date and not in the past. */
export function checkDates(d: DraftDates, today: IsoDate): { ok: true } | Refusal {
  if (!isIsoDate(d.targetDate)) return { ok: false, field: 'targetDate', rule: 'date' };
  if (!isIsoDate(d.deadline)) return { ok: false, field: 'deadline', rule: 'date' };
  if (d.deadline < today) return { ok: false, field: 'deadline', rule: 'not-past' };
  if (d.deadline > d.targetDate) return { ok: false, field: 'deadline', rule: 'before-target' };
  return { ok: true };
}

/** Checks a state's sign-off: remarks are required to agree with remarks and to decline; agreeing drops them. */
export function checkSignOff(
  decision: string,
  remarks: string,
): { ok: true; decision: Decision; remarks: string | null } | Refusal {
  if (!(DECISIONS as readonly string[]).includes(decision))
    return { ok: false, field: 'decision', rule: 'enum' };
  const d = decision as Decision;
  const r = remarks.trim();
  if (d === 'agree') return { ok: true, decision: d, remarks: null };
  if (r.length === 0) return { ok: false, field: 'remarks', rule: 'required' };
  if (r.length > MAX_REMARKS) return { ok: false, field: 'remarks', rule: 'max' };
  return { ok: true, decision: d, remarks: r };
}

export interface SignOffRecord {
  readonly stateCode: string;
  readonly versionId: string;
  readonly decision: Decision;
  readonly at: Date;
}

/** Where a state stands on the current version: its latest sign-off on that version, or open. */
export function standingsOf<S extends SignOffRecord>(
  states: readonly string[],
  currentVersionId: string,
  signOffs: readonly S[],
): Map<string, S | null> {
  const out = new Map<string, S | null>(states.map((s) => [s, null]));
  for (const s of signOffs) {
    if (s.versionId !== currentVersionId || !out.has(s.stateCode)) continue;
    const before = out.get(s.stateCode);
    if (!before || before.at.getTime() <= s.at.getTime()) out.set(s.stateCode, s);
  }
  return out;
}

export type DraftStatus = 'in-sign-off' | 'declined' | 'final';

/** Final when every participating state agreed (with or without remarks); declined when one declined. */
export function draftStatus(standings: ReadonlyMap<string, SignOffRecord | null>): DraftStatus {
  const all = [...standings.values()];
  if (all.length > 0 && all.every((s) => s !== null && s.decision !== 'decline')) return 'final';
  if (all.some((s) => s?.decision === 'decline')) return 'declined';
  return 'in-sign-off';
}

/**
 * The states to remind today: those that have not signed the current version, while the draft is not final and
 * today lies within `days` days before the deadline (the deadline day included).
 */
export function remindersDue(
  standings: ReadonlyMap<string, SignOffRecord | null>,
  deadline: IsoDate,
  today: IsoDate,
  days: number,
): string[] {
  if (draftStatus(standings) === 'final') return [];
  if (today > deadline || today < addDays(deadline, -days)) return [];
  return [...standings.entries()].filter(([, s]) => s === null).map(([state]) => state);
}

export type DiffPart = { readonly kind: 'same' | 'inserted' | 'deleted'; readonly text: string };
export type DiffParagraph = {
  readonly kind: 'same' | 'changed' | 'inserted' | 'deleted';
  readonly parts: readonly DiffPart[];
};

type Op<T> = { op: 'same' | 'deleted' | 'inserted'; value: T };

/** The longest common subsequence of two lists as a script of kept, deleted and inserted items. */
function script<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * w + j] =
        a[i] === b[j]
          ? (table[(i + 1) * w + j + 1] as number) + 1
          : Math.max(table[(i + 1) * w + j] as number, table[i * w + j + 1] as number);
  const out: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', value: a[i] as T });
      i++;
      j++;
    } else if ((table[(i + 1) * w + j] as number) >= (table[i * w + j + 1] as number))
      out.push({ op: 'deleted', value: a[i++] as T });
    else out.push({ op: 'inserted', value: b[j++] as T });
  }
  while (i < n) out.push({ op: 'deleted', value: a[i++] as T });
  while (j < m) out.push({ op: 'inserted', value: b[j++] as T });
  return out;
}

/** The largest word diff computed (tokens of one paragraph times tokens of the other); beyond, whole paragraphs. */
const MAX_CELLS = 4_000_000;

/** The words of two versions of one paragraph, kept, deleted and inserted; neighbours of one kind merged. */
export function diffWords(a: string, b: string): DiffPart[] {
  const ta = a.split(/(\s+)/).filter(Boolean);
  const tb = b.split(/(\s+)/).filter(Boolean);
  const ops: Op<string>[] =
    ta.length * tb.length > MAX_CELLS
      ? [
          { op: 'deleted', value: a },
          { op: 'inserted', value: b },
        ]
      : script(ta, tb);
  const parts: { kind: DiffPart['kind']; text: string }[] = [];
  for (const o of ops) {
    const last = parts.at(-1);
    if (last?.kind === o.op) last.text += o.value;
    else parts.push({ kind: o.op, text: o.value });
  }
  return parts;
}

/**
 * The readable diff of two texts: paragraphs kept, removed, added, or changed (paired in order within a run of
 * removed and added paragraphs, and then compared word by word).
 */
export function diffTexts(before: string, after: string): DiffParagraph[] {
  const out: DiffParagraph[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    const pairs = Math.min(deleted.length, inserted.length);
    for (let k = 0; k < pairs; k++)
      out.push({ kind: 'changed', parts: diffWords(deleted[k] as string, inserted[k] as string) });
    for (const p of deleted.slice(pairs))
      out.push({ kind: 'deleted', parts: [{ kind: 'deleted', text: p }] });
    for (const p of inserted.slice(pairs))
      out.push({ kind: 'inserted', parts: [{ kind: 'inserted', text: p }] });
    deleted = [];
    inserted = [];
  };
  for (const o of script(paragraphsOf(before), paragraphsOf(after))) {
    if (o.op === 'deleted') deleted.push(o.value);
    else if (o.op === 'inserted') inserted.push(o.value);
    else {
      flush();
      out.push({ kind: 'same', parts: [{ kind: 'same', text: o.value }] });
    }
  }
  flush();
  return out;
}
