import type { ScaleRequest, ScaleResult } from '../../engine/scale';
import { useElementWidth } from './useElementWidth';

const ROW = 40;
const BOX_H = 30;

/**
 * The replicas drawn as nodes: the load balancer, each replica with what it admitted, and the
 * shared store when there is one. The request on show is highlighted on its way: to its replica,
 * and to the store and back for each command it sent.
 */
export function ScaleDrawing({
  result,
  shown,
}: {
  result: ScaleResult;
  shown: ScaleRequest | null;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(700);
  const replicas = result.settings.replicas;
  const shared = result.settings.counters === 'shared';
  const height = Math.max(replicas * ROW + 20, 120);
  const boxW = Math.min(150, width * 0.28);
  // Narrow screens get the short names, so the words stay inside their boxes.
  const narrow = boxW < 140;
  const lbX = 8;
  const replicaX = width * (shared ? 0.36 : 0.55);
  const storeX = width - boxW - 8;
  const midY = height / 2;
  const replicaY = (k: number) => 10 + k * ROW + (ROW - BOX_H) / 2;
  const trips = shown?.trips ?? [];
  // The packet waits at the door of where it is: the replica's, or the store's while it asks it.
  const packetX = shown === null ? lbX + boxW / 2 : trips.length > 0 ? storeX - 10 : replicaX - 10;
  const packetY =
    shown === null ? midY : trips.length > 0 ? midY : replicaY(shown.replica) + BOX_H / 2;

  return (
    <div ref={ref} className="lab-scale__drawing">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${replicas} replica${replicas === 1 ? '' : 's'} behind a load balancer, counters ${
          shared ? 'in a shared store' : 'local to each replica'
        }: ${result.admittedPerReplica.map((n, k) => `replica ${k + 1} admitted ${n}`).join(', ')}`}
      >
        <g className="lab-node">
          <rect x={lbX} y={midY - BOX_H / 2} width={boxW * 0.8} height={BOX_H} rx={6} />
          <text x={lbX + (boxW * 0.8) / 2} y={midY + 5} textAnchor="middle">
            {narrow ? 'Balancer' : 'Load balancer'}
          </text>
        </g>
        {result.admittedPerReplica.map((admitted, k) => {
          const y = replicaY(k);
          const active = shown?.replica === k;
          return (
            <g key={k}>
              <line
                x1={lbX + boxW * 0.8}
                y1={midY}
                x2={replicaX}
                y2={y + BOX_H / 2}
                className={active ? 'lab-edge lab-edge--active' : 'lab-edge'}
              />
              {shared ? (
                <line
                  x1={replicaX + boxW}
                  y1={y + BOX_H / 2}
                  x2={storeX}
                  y2={midY}
                  className={active && trips.length > 0 ? 'lab-edge lab-edge--active' : 'lab-edge'}
                />
              ) : null}
              <g className={active ? 'lab-node lab-node--active' : 'lab-node'}>
                <rect x={replicaX} y={y} width={boxW} height={BOX_H} rx={6} />
                <text x={replicaX + 8} y={y + 20}>
                  {narrow
                    ? `#${k + 1}: ${admitted} admitted`
                    : `Replica ${k + 1}: ${admitted} admitted`}
                </text>
              </g>
            </g>
          );
        })}
        {shared ? (
          <g className="lab-node lab-node--store">
            <rect x={storeX} y={midY - BOX_H} width={boxW} height={BOX_H * 2} rx={10} />
            <text x={storeX + boxW / 2} y={midY - 4} textAnchor="middle">
              Shared store
            </text>
            <text x={storeX + boxW / 2} y={midY + 14} textAnchor="middle">
              {trips.map((t) => `${t.command}→${t.value}`).join(' ') || '—'}
            </text>
          </g>
        ) : null}
        {shown === null ? null : (
          <g
            className="lab-packet"
            style={{ transform: `translate(${packetX}px, ${packetY}px)` }}
            aria-hidden="true"
          >
            {shown.allowed ? (
              <circle r={7} className="lab-packet--allowed" />
            ) : (
              <path d="M-6 -6l12 12M-6 6l12 -12" className="lab-packet--refused" />
            )}
          </g>
        )}
      </svg>
    </div>
  );
}
