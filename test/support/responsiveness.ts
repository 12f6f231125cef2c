import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerExecArgv } from '../../src/main/thread/core-thread';
import type { WizardClientData, WizardClientMessage, WizardClientResult } from './wizard-client';

/**
 * Runs a large import the way the wizard does (inspect, a dry-run plan, three pages of it,
 * the commit) and then a full membership recompute, every call through the web host as the
 * renderer makes it, while the host's main thread keeps a 5 ms timer and searches go through
 * the host as someone typing would. Shared by the main-thread test and the bench, so both
 * measure the same thing. The renderer's side runs on a worker thread of its own
 * (wizard-client.ts): in the app it is another process, so the timer on this thread
 * measures the host alone — reading request bodies, handing bytes to the core worker,
 * writing answers.
 */
export interface ProbeResult extends WizardClientResult {
  /**
   * The most CPU time the main thread itself spent between two ticks of its 5 ms timer: how
   * long our code blocked it. (Wall-clock gaps also hold the time the OS ran other processes
   * on a busy machine; that is not a block by the host and is reported beside it.)
   */
  longestBlockMs: number;
  /** The longest wall-clock time between two ticks. */
  longestGapMs: number;
}

export async function importWhileProbing(opts: WizardClientData): Promise<ProbeResult> {
  let longestGap = 0;
  let longestBusy = 0;
  let current = 'start';
  let measuring = false;
  let last = performance.now();
  let lastCpu = process.threadCpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.threadCpuUsage(lastCpu);
    const busy = (cpu.user + cpu.system) / 1000;
    if (measuring) longestGap = Math.max(longestGap, now - last);
    if (measuring && busy > longestBusy) {
      longestBusy = busy;
      if (process.env['PROBE_DEBUG']) console.error(`main thread busy ${Math.round(busy)} ms (gap ${Math.round(now - last)} ms) in ${current}`);
    }
    last = now;
    lastCpu = process.threadCpuUsage();
  }, 5);
  const entry = path.join(import.meta.dirname, 'wizard-client.ts');
  const client = new Worker(entry, { workerData: opts, execArgv: workerExecArgv(entry), name: 'probe-renderer' });
  try {
    const result = await new Promise<WizardClientResult>((resolve, reject) => {
      client.on('message', (m: WizardClientMessage) => {
        if (m.type === 'ready') {
          // Measure from the renderer's first call: starting its thread and cloning the file
          // into it is the probe's own set-up, not the host's work.
          measuring = true;
          current = 'set-up calls';
          last = performance.now();
          lastCpu = process.threadCpuUsage();
        } else if (m.type === 'phase') current = m.name;
        else if (m.type === 'done') resolve(m.result);
        else reject(new Error(m.message));
      });
      client.on('error', reject);
      client.on('exit', (code) => reject(new Error(`the probe's renderer stopped (exit ${code})`)));
    });
    return { ...result, longestBlockMs: longestBusy, longestGapMs: longestGap };
  } finally {
    clearInterval(timer);
    await client.terminate();
  }
}
