// Types of proxy.mjs for the TypeScript test servers that put the hub behind the app's origin.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function hubPath(url: string, db: string): string | null;
export function forward(req: IncomingMessage, res: ServerResponse, target: string, path: string): void;
export function refuse(res: ServerResponse): void;
