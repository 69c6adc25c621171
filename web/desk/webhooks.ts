import { gql } from './api';
import { h, mount, when } from './dom';
import type { DeskView } from './main';

interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  createdBy: string;
}

/** Registered webhooks (ADMIN). */
export async function showWebhooks(view: DeskView): Promise<void> {
  mount(view.root, h('h1', {}, 'Webhooks'), h('p', {}, 'Loading…'));
  let webhooks: Webhook[];
  try {
    webhooks = (await gql<{ webhooks: Webhook[] }>('{ webhooks { id url events createdAt createdBy } }')).webhooks;
  } catch (e) {
    view.say((e as Error).message, 'error');
    return;
  }
  mount(
    view.root,
    h('h1', {}, 'Webhooks ', h('span', { class: 'count' }, String(webhooks.length))),
    webhooks.length
      ? h(
          'table',
          { class: 'list' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['URL', 'Events', 'Created', 'By'].map((label) => h('th', { scope: 'col' }, label)),
            ),
          ),
          h(
            'tbody',
            {},
            webhooks.map((webhook) =>
              h(
                'tr',
                {},
                h('td', {}, h('code', {}, webhook.url)),
                h('td', {}, webhook.events.join(', ')),
                h('td', {}, when(webhook.createdAt)),
                h('td', {}, webhook.createdBy),
              ),
            ),
          ),
        )
      : h('p', {}, 'No webhooks registered.'),
  );
}
