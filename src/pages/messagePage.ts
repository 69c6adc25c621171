import { markup, type SafeHtml } from './html.js';
import { layout } from './layout.js';

/** A page that only says something: not found, refused, the API failed. */
export function renderMessagePage(title: string, message: string): SafeHtml {
  return layout(
    { title },
    markup`<div class="message">
      <h1>${title}</h1>
      <p>${message}</p>
      <p><a href="/">Storygraph</a></p>
    </div>`,
  );
}
