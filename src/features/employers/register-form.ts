/**
 * The registration form of an employer: the one Zod schema of the form, the trade register number's pattern and its
 * normal form, and the page's message for each failing field.
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors.ts';
import { PUBLIC_EMPLOYER_KINDS, SIZE_BANDS } from './schema.ts';

/** The registers of the German register courts: commercial (A, B), cooperative, partnership, association. */
const REGISTER_TYPES = ['HRA', 'HRB', 'GnR', 'PR', 'VR', 'GsR'] as const;
const REGISTER_NUMBER = /^(HRA|HRB|GNR|PR|VR|GSR)\s*(\d{1,6})(?:\s*([A-Z]{1,2}))?$/;

/**
 * A register number in its normal form: "hrb12345" → "HRB 12345", "HRB 1234 B" stays; undefined when it is no
 * register number (type of register, then up to six digits, then an optional court letter such as Berlin's "B").
 */
export function normalRegisterNumber(raw: string): string | undefined {
  const m = REGISTER_NUMBER.exec(raw.trim().replace(/\s+/g, ' ').toUpperCase());
  if (!m) return undefined;
  const type = REGISTER_TYPES.find((r) => r.toUpperCase() === m[1]) ?? (m[1] as string);
  return [type, m[2], m[3]].filter(Boolean).join(' ');
}

/** The key that makes a registration unique: court in lower case with single spaces, and the normal number. */
export function registerKey(court: string, number: string): string {
  const place = court
    .trim()
    .toLowerCase()
    .replace(/^amtsgericht\s+/, '')
    .replace(/\s+/g, ' ');
  return `${place}|${number}`;
}

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : ''), z.string());

/** The fields as the browser sent them, trimmed (never fails): to show a refused form again. */
const employerFields = z.object({
  name: text,
  street: text,
  postcode: text,
  town: text,
  district: text,
  legal: text,
  registerCourt: text,
  registerNumber: text,
  publicKind: text,
  size: text,
});
export type EmployerInput = z.output<typeof employerFields>;

export function employerInput(body: unknown): EmployerInput {
  return employerFields.parse(body ?? {});
}

const name = (max: number) => z.string().min(2).max(max);

/** The one schema of the registration form; the district is checked against the districts of the six states. */
export function employerForm(districts: readonly string[]) {
  return employerFields.pipe(
    z
      .object({
        name: name(200),
        street: name(200),
        postcode: z.string().regex(/^[0-9]{5}$/),
        town: name(100),
        district: z.string().refine((d) => districts.includes(d)),
        legal: z.enum(['register', 'public']),
        registerCourt: z.string().max(100),
        registerNumber: z.string().max(40),
        publicKind: z.union([z.literal(''), z.enum(PUBLIC_EMPLOYER_KINDS)]),
        size: z.enum(SIZE_BANDS),
      })
      .superRefine((v, ctx) => {
        if (v.legal === 'register') {
          if (v.registerCourt.length < 2)
            ctx.addIssue({ code: 'custom', path: ['registerCourt'], message: 'required' });
          if (!normalRegisterNumber(v.registerNumber))
            ctx.addIssue({ code: 'custom', path: ['registerNumber'], message: 'pattern' });
        }
        if (v.legal === 'public' && v.publicKind === '')
          ctx.addIssue({ code: 'custom', path: ['publicKind'], message: 'required' });
      })
      .transform((v) => {
        const number = v.legal === 'register' ? (normalRegisterNumber(v.registerNumber) ?? '') : null;
        return {
          name: v.name,
          street: v.street,
          postcode: v.postcode,
          town: v.town,
          districtAgs: v.district,
          register:
            number === null
              ? null
              : { court: v.registerCourt, number, key: registerKey(v.registerCourt, number) },
          publicKind: v.legal === 'public' && v.publicKind !== '' ? v.publicKind : null,
          sizeBand: v.size,
        };
      }),
  );
}
export type NewEmployer = z.output<ReturnType<typeof employerForm>>;

/** The page's message for a failing field, from the catalogue. */
export function employerFormMessage(t: (key: string) => string): (error: FieldError) => string {
  return (e) => t(`employers.error.${e.field}`);
}
