import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { TMail } from "@/lib/domain/notifications";
import { getEnv } from "@/lib/env";
import { screenUrl } from "./event-rows";

/** Whether notifications can be emailed: SMTP_URL is set. */
export function isEmailAvailable(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

const globalForMail = globalThis as unknown as { remitMailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.remitMailer?.url !== url) {
    // Connections are pooled and reused between mails; a send that fails throws, and the job queue tries again.
    globalForMail.remitMailer = {
      url,
      transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return globalForMail.remitMailer.transport;
}

/** The sender: SMTP_FROM, else Remit at the host of the public address. */
function sender(): string {
  const from = getEnv().SMTP_FROM;
  if (from) return from;
  const host = new URL(screenUrl("/")).hostname;
  return `Remit <remit@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

/** Sends `mail` to `to` through SMTP_URL; throws when the server refuses it or cannot be reached (or email is off). */
export async function sendMail(to: string, mail: TMail): Promise<void> {
  const url = getEnv().SMTP_URL;
  if (!url) throw new Error("Email is off: SMTP_URL is not set.");
  await transport(url).sendMail({ from: sender(), to, subject: mail.subject, text: mail.text, html: mail.html });
}
