import type { Server } from 'node:http';
/** Starts serving `dir` with README's security headers; resolves once it listens. */
export declare function serve(
  dir: string,
  options?: { port?: number; host?: string; frameAncestors?: string[] },
): Promise<{ server: Server; url: string }>;
