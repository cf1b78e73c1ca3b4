/**
 * The standard checklists with history (issue 15, V2.3 "Vereinheitlichung"): the current checklist of a step kind
 * for a pathway is the latest stored version for that pathway, else the latest for every pathway, else the code
 * catalogue (checklists.ts, version 1) — so a fresh database behaves as the catalogue. Ministry officers edit them
 * (policy `document-checklists`, audited in the same transaction). The current versions are kept in memory (the
 * journey's step page is hot): one query loads all of them, an edit in this process drops them at once, other
 * processes read them again after `ttlMs`.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import type { StepKind } from '../../domain/journey/types.ts';
import type { PathwayId } from '../../domain/law/types.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/http/errors.ts';
import { person } from '../people/index.ts';
import {
  type ChecklistChange,
  type ChecklistEdit,
  type ChecklistLine,
  diffChecklists,
} from './checklist-rules.ts';
import { checklistFor, type DocumentCategory, isDocumentCategory, STEP_CHECKLISTS } from './checklists.ts';
import { documentChecklistVersion } from './schema.ts';

export type CurrentChecklist = {
  readonly kind: StepKind;
  /** The pathway asked for (null: every pathway). */
  readonly pathway: PathwayId | null;
  readonly items: readonly ChecklistLine[];
  readonly version: number;
  /** Null for the catalogue (version 1). */
  readonly editedAt: Date | null;
};

export type ChecklistVersion = {
  readonly version: number;
  readonly items: readonly ChecklistLine[];
  readonly editedBy: string | null;
  readonly editorName: string | null;
  readonly editedAt: Date | null;
  readonly reason: string | null;
  /** What changed from the version before (empty for the catalogue). */
  readonly changes: readonly ChecklistChange[];
};

type Stored = { version: number; items: ChecklistLine[]; editedAt: Date };
const keyOf = (kind: StepKind, pathway: PathwayId | null) => `${kind}|${pathway ?? ''}`;

/**
 * The catalogue's lines for a step kind and pathway, without the pathway filters; for every pathway (null) only
 * the lines that apply to all of them.
 */
export function catalogueLines(kind: StepKind, pathway: PathwayId | null): ChecklistLine[] {
  const lines =
    pathway === null ? STEP_CHECKLISTS[kind].filter((i) => !i.pathways) : checklistFor(kind, pathway);
  return lines.map((i) => ({
    category: i.category,
    required: i.required,
    providedBy: i.providedBy,
  }));
}

const linesOf = (items: unknown): ChecklistLine[] =>
  (Array.isArray(items) ? items : []).flatMap(
    (i: { category?: unknown; required?: unknown; providedBy?: unknown }) =>
      isDocumentCategory(i.category)
        ? [
            {
              category: i.category as DocumentCategory,
              required: i.required === true,
              providedBy: i.providedBy === 'employer' ? ('employer' as const) : ('applicant' as const),
            },
          ]
        : [],
  );

/** The latest stored version of every (kind, pathway): one query (the table holds a few hundred rows at most). */
async function loadLatest(db: DbOrTx): Promise<Map<string, Stored>> {
  const rows = await db
    .select({
      stepKind: documentChecklistVersion.stepKind,
      pathway: documentChecklistVersion.pathway,
      version: documentChecklistVersion.version,
      items: documentChecklistVersion.items,
      editedAt: documentChecklistVersion.editedAt,
    })
    .from(documentChecklistVersion)
    .orderBy(desc(documentChecklistVersion.version));
  const out = new Map<string, Stored>();
  for (const r of rows) {
    const key = keyOf(r.stepKind as StepKind, r.pathway as PathwayId | null);
    if (!out.has(key)) out.set(key, { version: r.version, items: linesOf(r.items), editedAt: r.editedAt });
  }
  return out;
}

/** May the actor edit the standard checklists (ministry officers)? The membership to audit with, or null. */
export function checklistEditor(actor: Actor) {
  const d = decideFor(actor, 'update', 'document-checklists', () => new Set(['other'] as const));
  return d.allow ? (d.membership ?? null) : null;
}

export function createChecklistService(db: Database, opts: { ttlMs?: number; now?: () => Date } = {}) {
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const clock = opts.now ?? (() => new Date());
  let cache: { at: number; latest: Promise<Map<string, Stored>> } | null = null;
  const latest = () => {
    const at = clock().getTime();
    if (!cache || at - cache.at > ttlMs) {
      const loading = loadLatest(db);
      cache = { at, latest: loading };
      loading.catch(() => {
        if (cache?.latest === loading) cache = null;
      });
    }
    return cache.latest;
  };

  const resolve = (all: Map<string, Stored>, kind: StepKind, pathway: PathwayId | null): CurrentChecklist => {
    const found = all.get(keyOf(kind, pathway)) ?? (pathway ? all.get(keyOf(kind, null)) : undefined);
    if (found) return { kind, pathway, items: found.items, version: found.version, editedAt: found.editedAt };
    return { kind, pathway, items: catalogueLines(kind, pathway), version: 1, editedAt: null };
  };

  return {
    /** The checklist in force for a step kind on a pathway (null: for every pathway); from memory. */
    async current(kind: StepKind, pathway: PathwayId | null): Promise<CurrentChecklist> {
      return resolve(await latest(), kind, pathway);
    },

    /** Every version of the checklist of (kind, pathway), newest first, ending with the catalogue (version 1). */
    async history(kind: StepKind, pathway: PathwayId | null): Promise<ChecklistVersion[]> {
      const rows = await db
        .select({ row: documentChecklistVersion, editorName: person.displayName })
        .from(documentChecklistVersion)
        .leftJoin(person, eq(person.id, documentChecklistVersion.editedBy))
        .where(
          and(
            eq(documentChecklistVersion.stepKind, kind),
            pathway === null
              ? isNull(documentChecklistVersion.pathway)
              : eq(documentChecklistVersion.pathway, pathway),
          ),
        )
        .orderBy(desc(documentChecklistVersion.version));
      const base = catalogueLines(kind, pathway);
      return [
        ...rows.map((r, i) => ({
          version: r.row.version,
          items: linesOf(r.row.items),
          editedBy: r.row.editedBy,
          editorName: r.editorName,
          editedAt: r.row.editedAt,
          reason: r.row.reason,
          changes: diffChecklists(rows[i + 1] ? linesOf(rows[i + 1]?.row.items) : base, linesOf(r.row.items)),
        })),
        {
          version: 1,
          items: base,
          editedBy: null,
          editorName: null,
          editedAt: null,
          reason: null,
          changes: [],
        },
      ];
    },

    /**
     * A ministry officer sets a new version (the history stays), audited in the same transaction. Another
     * officer's edit of the same checklist at the same moment is refused (409 on `version`), nothing written.
     */
    async edit(
      actor: Actor,
      kind: StepKind,
      pathway: PathwayId | null,
      input: ChecklistEdit,
      now: Date,
    ): Promise<CurrentChecklist> {
      const m = checklistEditor(actor);
      if (!m) throw new AppError('forbidden');
      const before = resolve(await loadLatest(db), kind, pathway);
      try {
        const saved = await db.transaction(async (tx) => {
          const [last] = await tx
            .select({ version: documentChecklistVersion.version })
            .from(documentChecklistVersion)
            .where(
              and(
                eq(documentChecklistVersion.stepKind, kind),
                pathway === null
                  ? isNull(documentChecklistVersion.pathway)
                  : eq(documentChecklistVersion.pathway, pathway),
              ),
            )
            .orderBy(desc(documentChecklistVersion.version))
            .limit(1);
          const version = Math.max(last?.version ?? 0, before.version) + 1;
          await tx.insert(documentChecklistVersion).values({
            stepKind: kind,
            pathway,
            version,
            items: input.items.map((i) => ({
              category: i.category,
              required: i.required,
              providedBy: i.providedBy,
            })),
            editedBy: actor.personId,
            editedAt: now,
            reason: input.reason,
          });
          await appendAudit(
            tx,
            {
              actorPersonId: actor.personId,
              actorRole: m.role,
              actorOrganisationId: m.organisationId,
              action: 'update',
              objectType: 'document-checklist',
              objectId: `${kind}/${pathway ?? 'all'}/v${version}`,
              subjectPersonId: null,
              purpose: 'standard checklist edited',
              result: 'success',
            },
            now,
          );
          return { kind, pathway, items: input.items, version, editedAt: now };
        });
        return saved;
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', {
            errors: [
              {
                field: 'version',
                rule: 'unique',
                message: 'another officer saved this checklist at the same moment',
              },
            ],
          });
        throw error;
      } finally {
        cache = null;
      }
    },

    /** Drops the versions kept in memory (tests; another process's edit). */
    invalidate() {
      cache = null;
    },
  };
}

export type ChecklistService = ReturnType<typeof createChecklistService>;
