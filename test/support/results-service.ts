import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

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
export type Answers = Partial<Record<'CreateArtifact' | 'FinalizeArtifact', (body: Record<string, unknown>) => Answer>>;

/** A local stand-in for the Actions results service's artifact calls. */
export interface ResultsService {
  /** For ACTIONS_RESULTS_URL. */
  url: string;
  calls: RecordedCall[];
  stop(): Promise<void>;
}

/**
 * Serve CreateArtifact and FinalizeArtifact on 127.0.0.1: by default CreateArtifact hands
 * out `uploadUrl(name)` and FinalizeArtifact numbers artifacts from 1. Every call is
 * recorded, including ones given an error answer.
 */
export async function startResultsService(uploadUrl: (artifactName: string) => string, answers: Answers = {}): Promise<ResultsService> {
  const calls: RecordedCall[] = [];
  let nextId = 1;
  const defaults: Required<Answers> = {
    CreateArtifact: (body) => ({ status: 200, body: { ok: true, signed_upload_url: uploadUrl(String(body.name)) } }),
    FinalizeArtifact: () => ({ status: 200, body: { ok: true, artifact_id: String(nextId++) } }),
  };
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: Error) => send(res, { status: 500, body: { code: 'internal', msg: e.message } }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.url?.startsWith(SERVICE) ? req.url.slice(SERVICE.length) : '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || (method !== 'CreateArtifact' && method !== 'FinalizeArtifact')) {
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
  return { url: `http://127.0.0.1:${port}/`, calls, stop: () => closeServer(server) };
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
