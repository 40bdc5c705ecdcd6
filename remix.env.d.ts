/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address (behind a proxy on this machine, the one it forwards): the read API's bad-token limit counts by it. */
    clientAddress?: string;
  }
}

export {};
