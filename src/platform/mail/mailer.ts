import { desc } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { DbOrTx } from '../db/client.ts';
import { outboxMail } from './schema.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through SMTP when SMTP_URL is set; otherwise keeps it in the outbox table for an administrator. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(db: DbOrTx, mail: Mail): Promise<void>;
}

export function createMailer(opts: { smtpUrl?: string | undefined; from: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: 'smtp',
      send: async (_db, mail) => {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  return {
    kind: 'outbox',
    send: async (db, mail) => {
      await db.insert(outboxMail).values({ toAddress: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function listOutbox(db: DbOrTx, limit = 100) {
  return db.select().from(outboxMail).orderBy(desc(outboxMail.createdAt)).limit(limit);
}
