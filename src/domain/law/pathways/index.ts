/** Every pathway module, in the order of PATHWAY_IDS. */
import type { Pathway } from '../pathway.ts';
import { aufenthg16a } from './aufenthg-16a.ts';
import { aufenthg16b } from './aufenthg-16b.ts';
import { aufenthg16d1 } from './aufenthg-16d-1.ts';
import { aufenthg16d3 } from './aufenthg-16d-3.ts';
import { aufenthg17 } from './aufenthg-17.ts';
import { aufenthg18a } from './aufenthg-18a.ts';
import { aufenthg18b } from './aufenthg-18b.ts';
import { aufenthg18g } from './aufenthg-18g.ts';
import { aufenthg18gIt } from './aufenthg-18g-it.ts';
import { aufenthg19c2 } from './aufenthg-19c-2.ts';
import { aufenthg20 } from './aufenthg-20.ts';
import { aufenthg20a } from './aufenthg-20a.ts';
import { aufenthg25a } from './aufenthg-25a.ts';
import { aufenthg25b } from './aufenthg-25b.ts';
import { aufenthg104c } from './aufenthg-104c.ts';
import { beschv262 } from './beschv-26-2.ts';

export const PATHWAYS: readonly Pathway[] = [
  aufenthg18a,
  aufenthg18b,
  aufenthg18g,
  aufenthg18gIt,
  aufenthg19c2,
  aufenthg16d1,
  aufenthg16d3,
  aufenthg20,
  aufenthg20a,
  aufenthg16a,
  aufenthg16b,
  aufenthg17,
  beschv262,
  aufenthg104c,
  aufenthg25a,
  aufenthg25b,
];
