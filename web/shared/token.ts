/** Where the desk keeps the pasted API token: session storage, so it is gone when the tab closes. */
export const TOKEN_KEY = 'storygraph.token';
