import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/createPrisma.js';
import { AppError, ErrorCode } from '../errors.js';
import { isWebhookEvent, WEBHOOK_EVENTS } from './webhookEvents.js';

const MIN_SECRET_LENGTH = 16;
const LISTED = { id: true, url: true, events: true, createdAt: true, createdBy: true } as const;

/**
 * Registers a webhook. Throws BAD_USER_INPUT naming the field for a URL that is not http(s),
 * an unknown or missing event, or a secret shorter than 16 characters. Returns the webhook and
 * its secret (generated when not given), which is not shown again.
 */
export async function createWebhook(prisma: PrismaClient, input: { url: string; events: readonly string[]; secret?: string | null; createdBy: string }) {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw bad('input.url', `${JSON.stringify(input.url)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('input.url', 'must be an http or https URL');
  const events = [...new Set(input.events)];
  if (!events.length) throw bad('input.events', `name at least one of ${WEBHOOK_EVENTS.join(', ')}`);
  const unknown = events.find((event) => !isWebhookEvent(event));
  if (unknown !== undefined) throw bad('input.events', `${JSON.stringify(unknown)} is not an event; events are ${WEBHOOK_EVENTS.join(', ')}`);
  const secret = input.secret ?? randomBytes(24).toString('base64url');
  if (secret.length < MIN_SECRET_LENGTH) throw bad('input.secret', `must be at least ${MIN_SECRET_LENGTH} characters`);
  const webhook = await prisma.webhook.create({ data: { url: url.toString(), events, secret, createdBy: input.createdBy }, select: LISTED });
  return { webhook, secret };
}

/** Removes a webhook and its pending deliveries; throws NOT_FOUND when there is none with the id. */
export async function deleteWebhook(prisma: PrismaClient, id: string) {
  try {
    return await prisma.webhook.delete({ where: { id }, select: LISTED });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2025') throw new AppError(ErrorCode.NOT_FOUND, 'no such webhook', { argument: 'id' });
    throw error;
  }
}

/** Every webhook, newest first. */
export function listWebhooks(prisma: PrismaClient) {
  return prisma.webhook.findMany({ select: LISTED, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}

function bad(argument: string, message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });
}
