// The API explorer: GraphiQL, bundled and served by Storygraph itself (nothing from a CDN), with
// the example operations of operations/ opened as tabs and the Authorization header editable.
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './explorer.css';
import { TOKEN_KEY } from '../shared/token';
import { repairAccessibility } from './repairAccessibility';

interface ExampleOperation {
  name: string;
  source: string;
}

interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/** Posts to this server's /graphql with the headers of GraphiQL's header editor. */
async function fetcher(params: FetcherParams, options?: { headers?: Record<string, unknown> }): Promise<unknown> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options?.headers as Record<string, string>),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

const operations = JSON.parse(document.getElementById('example-operations')?.textContent ?? '[]') as ExampleOperation[];
// The desk's token (same tab) fills the header editor; otherwise it shows where to put one.
const token = sessionStorage.getItem(TOKEN_KEY);
const headers = JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2);

const root = document.getElementById('graphiql')!;
createRoot(root).render(
  <GraphiQL
    fetcher={fetcher as never}
    defaultTabs={operations.map((operation) => ({ query: operation.source, headers }))}
    defaultHeaders={headers}
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
    defaultEditorToolsVisibility="headers"
  />,
);
repairAccessibility(root);
