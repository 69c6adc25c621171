import { markup, scriptJson, type SafeHtml } from './html.js';
import { layout } from './layout.js';

/** The desk: an app in the browser (desk.js) that signs in with a pasted EDITOR token. */
export function renderDeskShell(): SafeHtml {
  return layout(
    { title: 'Desk', scripts: ['desk.js'], styles: ['desk.css'], bodyClass: 'app desk' },
    markup`<div id="desk" class="desk-root">
      <noscript><p>The desk is an app: it needs JavaScript.</p></noscript>
      <p class="loading">Loading the desk…</p>
    </div>`,
  );
}

/** One example operation given to the explorer. */
export interface ExplorerOperation {
  name: string;
  source: string;
}

/** GraphiQL, bundled and served from here (explorer.js), with the example operations as its tabs. */
export function renderExplorerShell(operations: readonly ExplorerOperation[]): SafeHtml {
  return layout(
    {
      title: 'Explorer',
      scripts: ['explorer.js'],
      styles: ['explorer.css'],
      bodyClass: 'app explorer',
      head: markup`<script type="application/json" id="example-operations">
        ${scriptJson(operations)}
      </script>`,
    },
    markup`<h1 class="visually-hidden">GraphQL explorer</h1>
      <div id="graphiql" class="graphiql-root">
        <noscript><p>The explorer needs JavaScript; the API itself is at /graphql.</p></noscript>
      </div>`,
  );
}
