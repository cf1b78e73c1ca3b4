/**
 * Support offers for § 104c holders (issue 18): the topics a person filters by, and which offers help with a
 * condition of § 25a/§ 25b in the person's state. Pure; the offers come from the directory.
 */

/** The research table's controlled tags of what an offer helps with. */
export const OFFER_CONDITIONS = [
  'language_a2',
  'language_b1',
  'legal_order_test',
  'livelihood_job',
  'identity_passport',
  'recognition',
  'counselling',
  'residence_law',
  'school_attendance',
  'labour_rights',
] as const;
export type OfferCondition = (typeof OFFER_CONDITIONS)[number];

/** The topics a person chooses from. */
export const OFFER_TOPICS = ['language', 'work', 'identity', 'legal', 'school'] as const;
export type OfferTopic = (typeof OFFER_TOPICS)[number];

export const TOPIC_TAGS: Readonly<Record<OfferTopic, readonly OfferCondition[]>> = {
  language: ['language_a2', 'language_b1', 'legal_order_test'],
  work: ['livelihood_job', 'recognition', 'labour_rights'],
  identity: ['identity_passport'],
  legal: ['residence_law', 'counselling'],
  school: ['school_attendance'],
};

/**
 * The topics that help with a condition of the engine (criterion id). Conditions about the residence status, the stay
 * and the holder's transition call for legal advice (age has no offer); the holder's special rules are about identity clarification.
 */
export const CRITERION_TOPICS: Readonly<Record<string, readonly OfferTopic[]>> = {
  'german-language': ['language'],
  'livelihood-work': ['work'],
  school: ['school'],
  'tolerated-status': ['legal'],
  'stay-duration': ['legal'],
  'holder-104c': ['legal', 'identity'],
};

export interface OfferLike {
  readonly id: string;
  /** Null: nationwide. */
  readonly stateCode: string | null;
  readonly conditions: readonly string[];
}

export const isOfferTopic = (v: unknown): v is OfferTopic =>
  typeof v === 'string' && (OFFER_TOPICS as readonly string[]).includes(v);

export const offerInState = (o: OfferLike, stateCode: string): boolean =>
  o.stateCode === null || o.stateCode === stateCode;

export const offerHasTopic = (o: OfferLike, topic: OfferTopic): boolean =>
  TOPIC_TAGS[topic].some((tag) => o.conditions.includes(tag));

/** The offers of a state (with the nationwide ones) and a topic; either may be absent. State offers first. */
export function filterOffers<O extends OfferLike>(
  offers: readonly O[],
  filter: { readonly stateCode?: string | undefined; readonly topic?: OfferTopic | undefined },
): O[] {
  const { stateCode, topic } = filter;
  const found = offers.filter(
    (o) =>
      (stateCode === undefined || offerInState(o, stateCode)) &&
      (topic === undefined || offerHasTopic(o, topic)),
  );
  return stateCode === undefined ? found : [...found].sort((a, b) => rank(a) - rank(b));
}

const rank = (o: OfferLike) => (o.stateCode === null ? 1 : 0);

/** The offers in the person's state that help with one condition (criterion id); none for unknown ids. */
export function offersForCondition<O extends OfferLike>(
  criterionId: string,
  offers: readonly O[],
  stateCode: string,
): O[] {
  const topics = CRITERION_TOPICS[criterionId] ?? [];
  if (topics.length === 0) return [];
  const inState = offers.filter((o) => offerInState(o, stateCode) && topics.some((t) => offerHasTopic(o, t)));
  return [...inState].sort((a, b) => rank(a) - rank(b));
}
