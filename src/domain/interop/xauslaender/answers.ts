/**
 * The foreigners' office's answers to message 130401, read back into the journey (pure). Only a message the
 * official XSD has already accepted comes here (the interop feature validates first). Three answers move the
 * § 81a step with the journey's own commands:
 * - 130407 `OZG.Vorabzustimmung` (prior approval, § 81a(3) no. 5 AufenthG): the step is decided positive;
 * - 130402 `OZG.Beendigung` (the office ends the procedure): the step is decided negative, with the reason;
 * - 130102 `OZG.RueckkanalFrage` (the office asks for something): documents are requested with the question
 *   (the review is started first when the step was only submitted).
 * Every other OZG message is valid XAusländer but not an answer the journey takes: refused, naming the element.
 */
import { XMLParser } from 'fast-xml-parser';
import type { StepStatus } from '../../journey/index.ts';

export const ANSWER_ELEMENTS = {
  'OZG.Vorabzustimmung.130407': 'prior-approval',
  'OZG.Beendigung.130402': 'termination',
  'OZG.RueckkanalFrage.130102': 'question',
} as const;
export type AnswerKind = (typeof ANSWER_ELEMENTS)[keyof typeof ANSWER_ELEMENTS];

/** The reasons of code list `Code.OZG.AnlassBeendigung` (version 1), as the schema words them. */
export const ANLASS_BEENDIGUNG: Readonly<Record<string, string>> = {
  '01': 'Nach Beratung mit dem Arbeitgeber soll keine Vereinbarung zur Durchführung des beschleunigten Fachkräfteverfahrens abgeschlossen werden.',
  '02': 'Nach Beratung mit dem Arbeitgeber wird der Vorgang beendet.',
  '03': 'Aufgrund fehlender Erteilungsvoraussetzungen wird der Vorgang beendet.',
  '04': 'Wegen fehlender Rückmeldung auf die Anfrage wird der Vorgang beendet.',
};

export type Answer = {
  readonly element: string;
  readonly messageId: string;
  /** `antragsidentifikation`: the journey the answer is about (the platform sends the journey id). */
  readonly applicationId: string;
  /** `ausloeserUUID`: the message that this one answers. */
  readonly triggerId: string | null;
} & (
  | { readonly kind: 'prior-approval' }
  | { readonly kind: 'termination'; readonly reasonCode: string }
  | { readonly kind: 'question'; readonly question: string; readonly dueOn: string | null }
  | { readonly kind: 'not-an-answer' }
);

type Node = Record<string, unknown>;
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
});

const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const node = (v: unknown): Node => (v !== null && typeof v === 'object' ? (v as Node) : {});

/** The key fields of a (schema-valid) OZG message, and what kind of answer it is. */
export function readAnswer(xml: string): Answer {
  const doc = node(parser.parse(xml));
  const element = Object.keys(doc).find((k) => k !== '?xml') ?? '';
  const root = node(doc[element]);
  const head = node(node(root['nachrichtenkopf.g2g'])['identifikation.nachricht']);
  const base = {
    element,
    messageId: text(head.nachrichtenUUID) ?? '',
    applicationId: text(root.antragsidentifikation) ?? '',
    triggerId: text(root.ausloeserUUID),
  };
  const kind = (ANSWER_ELEMENTS as Record<string, AnswerKind>)[element];
  if (kind === 'prior-approval') return { ...base, kind };
  if (kind === 'termination') return { ...base, kind, reasonCode: text(node(root.anlass).code) ?? '' };
  if (kind === 'question')
    return { ...base, kind, question: text(root.frage) ?? '', dueOn: text(root.fristdatum) };
  return { ...base, kind: 'not-an-answer' };
}

/** `2026-12-24` → `24.12.2026`: the office's words go to the applicant in German, with a German date. */
function germanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export type AnswerCommand =
  | { readonly type: 'start-review'; readonly step: 'accelerated-procedure' }
  | { readonly type: 'request-documents'; readonly step: 'accelerated-procedure'; readonly missing: string[] }
  | {
      readonly type: 'decide';
      readonly step: 'accelerated-procedure';
      readonly outcome: 'positive' | 'negative';
      readonly reason: string;
    };

/** The journey commands an answer stands for, given the § 81a step's status now (applied in one transaction). */
export function commandsFor(answer: Answer, status: StepStatus): AnswerCommand[] {
  const step = 'accelerated-procedure' as const;
  switch (answer.kind) {
    case 'prior-approval':
      return [{ type: 'decide', step, outcome: 'positive', reason: 'Vorabzustimmung (XAusländer 130407)' }];
    case 'termination':
      return [
        {
          type: 'decide',
          step,
          outcome: 'negative',
          reason: `Beendigung (XAusländer 130402): ${ANLASS_BEENDIGUNG[answer.reasonCode] ?? answer.reasonCode}`,
        },
      ];
    case 'question': {
      const missing = [
        answer.dueOn ? `${answer.question} (Frist: ${germanDate(answer.dueOn)})` : answer.question,
      ];
      const ask = { type: 'request-documents' as const, step, missing };
      return status === 'submitted' ? [{ type: 'start-review', step }, ask] : [ask];
    }
    case 'not-an-answer':
      return [];
  }
}
