/**
 * `chancenregion pathways evaluate profile.json [--format json] [--lang de|en]`: the pathway engine
 * on the command line. The file holds the same JSON as `POST /api/v1/pathways/evaluate` (`-` reads
 * stdin). Text output by default, the API's JSON with `--format json`. Needs no database.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fieldErrors } from '../../platform/http/errors.ts';
import { createI18n, isLocale, type Locale } from '../../platform/i18n/index.ts';
import { evaluateRequest } from './input.ts';
import { byOpenness, type CriterionJson, type EvaluationJson, evaluateAndRender } from './render.ts';

export const PATHWAYS_USAGE = `  pathways evaluate F   which residence pathways are open for the profile in F (JSON as the API;
                        - for stdin) [--format json] [--lang de|en]`;

export interface PathwaysIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOINPUT = 66;

/** Runs `pathways <sub> …`; `argv` is everything after `pathways`. Returns the exit code. */
export async function pathwaysCli(argv: string[], io: PathwaysIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { format: { type: 'string' }, lang: { type: 'string' } },
  });
  const [sub, file] = positionals;
  const format = values.format ?? 'text';
  const lang = values.lang ?? 'en';
  if (sub !== 'evaluate' || !file || (format !== 'text' && format !== 'json') || !isLocale(lang)) {
    io.stderr(`Usage: chancenregion pathways evaluate <profile.json|-> [--format json] [--lang de|en]\n`);
    return EX_USAGE;
  }
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    io.stderr(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EX_NOINPUT;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return EX_DATAERR;
  }
  const parsed = evaluateRequest.safeParse(json);
  if (!parsed.success) {
    io.stderr(`${file === '-' ? 'stdin' : file} is not a valid profile:\n`);
    for (const e of fieldErrors('profile', parsed.error.issues)) io.stderr(`  ${e.field}: ${e.message}\n`);
    return EX_DATAERR;
  }
  const result = evaluateAndRender(createI18n().translator(lang), parsed.data);
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : textReport(result, lang));
  return 0;
}

const MARK = { eligible: '✔', 'needs-review': '?', 'not-eligible': '✘' } as const;
const HEADINGS = {
  de: {
    eligible: 'Offen',
    'needs-review': 'Noch zu klären',
    'not-eligible': 'Nicht offen',
    date: 'Rechtslage am',
  },
  en: { eligible: 'Open', 'needs-review': 'To be clarified', 'not-eligible': 'Not open', date: 'Law as of' },
} as const;

function numbers(c: CriterionJson): string {
  if (c.value === null && c.threshold === null) return '';
  return ` [${c.value ?? '–'} / ${c.threshold ?? '–'}]`;
}

/** A readable summary: open ways first, each with the criteria that decide it. */
export function textReport(r: EvaluationJson, locale: Locale): string {
  const h = HEADINGS[locale];
  const lines: string[] = [`${h.date} ${r.date}`, ''];
  const sorted = byOpenness(r.pathways);
  for (const outcome of ['eligible', 'needs-review', 'not-eligible'] as const) {
    const ways = sorted.filter((p) => p.outcome === outcome);
    lines.push(`${h[outcome]} (${ways.length})`);
    for (const p of ways) {
      const extra = [p.variant, p.points === null ? null : `${p.points} P.`].filter(Boolean).join(', ');
      lines.push(`  ${MARK[outcome]} ${p.id}  ${p.title}${extra ? ` (${extra})` : ''}`);
      const shown =
        outcome === 'eligible'
          ? p.criteria.filter((c) => c.id !== 'in-force')
          : p.criteria.filter((c) => c.status !== 'met');
      for (const c of shown) {
        const flag = c.verified ? '' : ' (UNVERIFIED)';
        lines.push(`      ${c.status.padEnd(7)} ${c.id}${numbers(c)}${flag} – ${c.citation}`);
        if (c.status !== 'met') lines.push(`              ${c.message}`);
      }
      for (const step of p.nextSteps) lines.push(`      → ${step}`);
    }
    lines.push('');
  }
  const p81a = r.procedures['aufenthg-81a'];
  lines.push(`${p81a.title}: ${p81a.message}`);
  lines.push(`${r.settlement.title}: ${r.settlement.message}`);
  lines.push(r.family.spouseLanguageWaiver.message, r.family.parents.message, '');
  return `${lines.join('\n')}\n`;
}
