import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

const SERVICES = ['/twirp/github.actions.results.api.v1.ArtifactService/', '/twirp/github.actions.results.api.v1.CacheService/'];
const METHODS = ['CreateArtifact', 'FinalizeArtifact', 'GetCacheEntryDownloadURL', 'CreateCacheEntry', 'FinalizeCacheEntryUpload'] as const;
type Method = (typeof METHODS)[number];

/** One twirp call as the service received it: the method and its JSON body (snake_case fields). */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  authorization?: string;
}

/** What to answer a call with. */
export interface Answer {
  status: number;
  body: unknown;
}

/** Answers per method; a method left out gets the default, working answer. */
export type Answers = Partial<Record<Method, (body: Record<string, unknown>) => Answer>>;

/** One entry of the cache: usable once its upload is finalized. */
export interface CacheEntry {
  key: string;
  version: string;
  blobName: string;
  finalized: boolean;
}

/** A local stand-in for the Actions results service's artifact and cache calls. */
export interface ResultsService {
  /** For ACTIONS_RESULTS_URL. */
  url: string;
  calls: RecordedCall[];
  /** Cache entries, oldest first. */
  cacheEntries: CacheEntry[];
  stop(): Promise<void>;
}

/**
 * Serve the artifact and cache calls on 127.0.0.1. By default CreateArtifact hands out
 * `uploadUrl(name)` and FinalizeArtifact numbers artifacts from 1; the cache calls keep
 * entries in memory as the real service does: GetCacheEntryDownloadURL matches the key
 * exactly, then each restore key as a prefix, newest entry first, always of the same
 * version; CreateCacheEntry hands out `cacheBlobUrl(blob)` and refuses a key and version
 * that exist; FinalizeCacheEntryUpload makes the entry visible. Every call is recorded,
 * including ones given an error answer.
 */
export async function startResultsService(
  uploadUrl: (artifactName: string) => string,
  answers: Answers = {},
  cacheBlobUrl: (blobName: string) => string = () => {
    throw new Error('this results service was started without cache storage');
  },
): Promise<ResultsService> {
  const calls: RecordedCall[] = [];
  const cacheEntries: CacheEntry[] = [];
  let nextId = 1;
  const finalized = (version: unknown) => cacheEntries.filter((e) => e.finalized && e.version === version).reverse();
  const defaults: Record<Method, (body: Record<string, unknown>) => Answer> = {
    CreateArtifact: (body) => ({ status: 200, body: { ok: true, signed_upload_url: uploadUrl(String(body.name)) } }),
    FinalizeArtifact: () => ({ status: 200, body: { ok: true, artifact_id: String(nextId++) } }),
    GetCacheEntryDownloadURL: (body) => {
      const entries = finalized(body.version);
      const restoreKeys = (body.restore_keys ?? []) as string[];
      const match = entries.find((e) => e.key === body.key) ?? restoreKeys.map((k) => entries.find((e) => e.key.startsWith(k))).find((e) => e !== undefined);
      if (!match) return { status: 200, body: { ok: false } };
      return { status: 200, body: { ok: true, signed_download_url: cacheBlobUrl(match.blobName), matched_key: match.key } };
    },
    CreateCacheEntry: (body) => {
      if (cacheEntries.some((e) => e.key === body.key && e.version === body.version)) {
        return { status: 409, body: { code: 'already_exists', msg: `cache entry ${String(body.key)} exists` } };
      }
      const entry = { key: String(body.key), version: String(body.version), blobName: `cache-${cacheEntries.length + 1}.tzst`, finalized: false };
      cacheEntries.push(entry);
      return { status: 200, body: { ok: true, signed_upload_url: cacheBlobUrl(entry.blobName) } };
    },
    FinalizeCacheEntryUpload: (body) => {
      const entry = cacheEntries.find((e) => e.key === body.key && e.version === body.version && !e.finalized);
      if (!entry) return { status: 404, body: { code: 'not_found', msg: `no cache entry ${String(body.key)} being uploaded` } };
      entry.finalized = true;
      return { status: 200, body: { ok: true, entry_id: String(cacheEntries.indexOf(entry) + 1) } };
    },
  };
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: Error) => send(res, { status: 500, body: { code: 'internal', msg: e.message } }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const service = SERVICES.find((prefix) => req.url?.startsWith(prefix));
    const method = service ? req.url!.slice(service.length) : '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !isMethod(method)) {
      return send(res, { status: 404, body: { code: 'bad_route', msg: `no such call: ${req.method} ${req.url}` } });
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    calls.push({ method, body, authorization: req.headers.authorization });
    send(res, (answers[method] ?? defaults[method])(body));
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, calls, cacheEntries, stop: () => closeServer(server) };
}

function isMethod(name: string): name is Method {
  return (METHODS as readonly string[]).includes(name);
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer.body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Clients may keep connections alive; without this close() would wait on them.
    server.closeAllConnections();
  });
}

/**
 * A runtime token the artifact client accepts: it only decodes the JWT for the
 * `Actions.Results:<run>:<job>` scope, so no signature is needed.
 */
export function runtimeToken(runId: string, jobId: string): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.ExampleScope Actions.Results:${runId}:${jobId}` })}.`;
}
