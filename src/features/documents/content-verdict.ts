// What the content rule (content-check.ts) answers about one upload.
export const CONTENT_PROBLEMS = ['active-content', 'encrypted', 'well-formed', 'max-pixels'] as const;
export type ContentProblem = (typeof CONTENT_PROBLEMS)[number];

export const isContentProblem = (reason: string): reason is ContentProblem =>
  (CONTENT_PROBLEMS as readonly string[]).includes(reason);

export type ContentVerdict =
  | {
      readonly ok: true;
      /** How many leading bytes to keep. */
      readonly length: number;
    }
  | {
      readonly ok: false;
      readonly problem: ContentProblem;
      /** What was found, for the error's message (never shown to the client, no personal data). */
      readonly why: string;
    };

export const ok = (length: number): ContentVerdict => ({ ok: true, length });
export const refuse = (problem: ContentProblem, why: string): ContentVerdict => ({ ok: false, problem, why });
