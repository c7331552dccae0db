// A real SMTP server for tests (the smtp-server package), on a free port of this machine: it accepts every mail and
// keeps it, parsed (mailparser), for the test to read.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TTestSmtp = {
  /** The SMTP_URL that reaches it. */
  url: string;
  /** Every mail received so far, in order. */
  mails: ParsedMail[];
  /** Resolves once a mail to `to` whose subject matches has arrived, with it. */
  waitFor: (to: string, subject?: RegExp) => Promise<ParsedMail>;
  /** The mails received so far to `to`. */
  mailsTo: (to: string) => ParsedMail[];
  close: () => Promise<void>;
};

const recipients = (mail: ParsedMail) =>
  [mail.to ?? []].flat().flatMap((address) => address.value.map((one) => one.address?.toLowerCase() ?? ""));

export async function startTestSmtp(): Promise<TTestSmtp> {
  const mails: ParsedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to TLS with a certificate it cannot trust.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          for (const wake of waiting) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailsTo = (to: string) => mails.filter((mail) => recipients(mail).includes(to.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    mailsTo,
    waitFor: (to, subject = /./) =>
      new Promise((resolve) => {
        const check = () => {
          const found = mailsTo(to).find((mail) => subject.test(mail.subject ?? ""));
          if (!found) return false;
          waiting.delete(check);
          resolve(found);
          return true;
        };
        if (!check()) waiting.add(check);
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
