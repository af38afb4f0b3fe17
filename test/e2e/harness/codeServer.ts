import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killGroup, spawnGroup, waitForHttp } from './processes';

export const CODE_SERVER_VERSION = '4.100.3';

export function codeServerBin(root: string): string {
  return join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
}

export interface CodeServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts code-server on loopback with every state folder under `home`, so a
 * run never touches the user's own VS Code settings or /tmp.
 */
export async function startCodeServer(options: {
  root: string;
  home: string;
  port: number;
  workspace: string;
  log: (line: string) => void;
}): Promise<CodeServer> {
  const { home, port } = options;
  for (const dir of ['config', 'data', 'tmp', 'user-data', 'extensions']) mkdirSync(join(home, dir), { recursive: true });
  const config = join(home, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    TMPDIR: join(home, 'tmp'),
  };
  const child: ChildProcess = spawnGroup(
    codeServerBin(options.root),
    [
      '--config',
      config,
      '--user-data-dir',
      join(home, 'user-data'),
      '--extensions-dir',
      join(home, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    env,
    options.log,
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, 60_000, () => !exited);
  } catch (err) {
    await killGroup(child);
    throw err;
  }
  return { url, port, stop: () => killGroup(child) };
}
