/** @module Debian's chromium driven by playwright-core (which downloads no browser of its own). */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** The flags every launch uses: headless, no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking']

/** Path of the system chromium (`CHROMIUM_PATH` overrides), or null when it is not installed. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim()
      if (path) return path
    } catch {
      // not on PATH; try the next name
    }
  }
  return null
}

export const CHROMIUM_MISSING =
  'chromium is not installed: `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH. .ci/run installs it.'

/** Launches headless chromium; throws with the install hint when it is missing. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(CHROMIUM_MISSING)
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
}
