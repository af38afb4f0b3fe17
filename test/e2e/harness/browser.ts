import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.RECAP_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, with the flags this closed network needs (see ../shared/notes/real-vscode.md). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (scripts/setup-vscode.sh does) or set RECAP_CHROMIUM`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The page URL that makes VS Code load an extension under development and run its tests. */
export function testUrl(serverUrl: string, workspace: string, extensionPath: string, testsPath?: string): string {
  const authority = new URL(serverUrl).host;
  const payload: [string, string][] = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
  return `${serverUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
