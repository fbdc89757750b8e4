import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { tempDir } from './temp-dir.ts';

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const AZURITE_BLOB = join(process.cwd(), 'node_modules/azurite/dist/src/blob/main.js');

/** A running Azurite blob service with one container, and ways to hand out and read blobs. */
export interface Azurite {
  /** e.g. http://127.0.0.1:41745/devstoreaccount1 */
  endpoint: string;
  container: ContainerClient;
  /** A SAS URL that lets the holder write (and read) one blob of the container. */
  blobSasUrl(blobName: string, containerName?: string): string;
  stop(): Promise<void>;
}

/**
 * Start `azurite-blob` on 127.0.0.1, a port the system picks, storage in memory, and
 * create `containerName`. Azurite prints the port it got; startup is bounded.
 */
export async function startAzurite(containerName: string): Promise<Azurite> {
  // In-memory storage still wants a working folder for its small files; keep it private.
  const cwd = tempDir('azurite');
  const child = spawn(
    process.execPath,
    [
      AZURITE_BLOB,
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit', '512',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(cwd, { recursive: true, force: true });
  };
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  let endpoint: string;
  let container: ContainerClient;
  // Until it is handed over, a failure must not leave Azurite running.
  try {
    endpoint = `http://127.0.0.1:${await listeningPort(child)}/${ACCOUNT}`;
    container = new BlobServiceClient(endpoint, credential).getContainerClient(containerName);
    await container.create();
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    endpoint,
    container,
    blobSasUrl(blobName, otherContainer = containerName) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: otherContainer,
          blobName,
          permissions: BlobSASPermissions.parse('rcw'),
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + 3_600_000),
        },
        credential,
      );
      return `${endpoint}/${otherContainer}/${encodeURIComponent(blobName)}?${sas.toString()}`;
    },
    stop,
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`azurite did not start within 20 s:\n${output}`)), 20_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      reject(e);
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        // Keep reading what it still prints so its pipe never fills.
        child.stdout!.removeListener('data', onData);
        child.stdout!.resume();
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`azurite exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
