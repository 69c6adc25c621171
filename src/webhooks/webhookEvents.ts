/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
  'fact.verified',
  'fact.rejected',
  'fact.corrected',
  'entity.updated',
  'entity.merged',
  'entity.split',
  'tag.updated',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
