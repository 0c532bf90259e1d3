import { useEffect, useRef, useState } from 'react';
import type { LabLimit, LabTrace } from '../../engine/lab';
import type { LabJob, LabReply, LabView } from './labProtocol';

export type LabRunState =
  | { readonly status: 'running'; readonly previous: LabView | null }
  | { readonly status: 'done'; readonly result: LabView; readonly computeMs: number }
  | { readonly status: 'failed'; readonly problem: string; readonly previous: LabView | null };

function startWorker(): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the lab in a worker whenever the trace or the limit changes. A job still running when the
 * next one comes is abandoned with its worker, so dragging a setting never queues stale work.
 */
export function useLabRun(
  limit: LabLimit | null,
  trace: LabTrace | null,
  samples: number,
): LabRunState {
  const [state, setState] = useState<LabRunState>({ status: 'running', previous: null });
  const workerRef = useRef<Worker | null>(null);
  const busyRef = useRef(false);
  const jobIdRef = useRef(0);
  const lastResultRef = useRef<LabView | null>(null);

  useEffect(() => {
    if (limit === null || trace === null) return;
    const id = ++jobIdRef.current;
    if (busyRef.current) {
      workerRef.current?.terminate();
      workerRef.current = null;
    }
    const worker = workerRef.current ?? startWorker();
    workerRef.current = worker;
    busyRef.current = true;
    setState({ status: 'running', previous: lastResultRef.current });
    worker.onmessage = (event: MessageEvent<LabReply>) => {
      const reply = event.data;
      if (reply.id !== jobIdRef.current) return;
      busyRef.current = false;
      if ('problem' in reply) {
        setState({ status: 'failed', problem: reply.problem, previous: lastResultRef.current });
        return;
      }
      lastResultRef.current = reply.view;
      setState({ status: 'done', result: reply.view, computeMs: reply.computeMs });
    };
    worker.onerror = () => {
      if (id !== jobIdRef.current) return;
      busyRef.current = false;
      setState({
        status: 'failed',
        problem: 'The lab’s worker stopped. Change a setting to try again.',
        previous: lastResultRef.current,
      });
      workerRef.current?.terminate();
      workerRef.current = null;
    };
    const job: LabJob = { id, limit, trace, samples };
    worker.postMessage(job);
  }, [limit, trace, samples]);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );
  return state;
}
