import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useAppStore } from '../../store';
import { usePacedAppStore } from '../playback/pacedState';
import { EXPLANATION_ID } from './explain/explanationId';
import { clientNodeId, type ClientNodeType } from './nodeData';
import { quotaText } from './quota';

/** A client: who it is, the key it sends, and its remaining quota right now. */
export const ClientNode = memo(function ClientNode({ data }: NodeProps<ClientNodeType>) {
  const { client, orientation, size, width, height } = data;
  // At the readouts' pace: during a burst the quota moves with nearly every frame.
  const quota = usePacedAppStore((s) => quotaText(s, client.apiKey, size === 'phone'));
  const highlighted = useAppStore((s) => s.highlight === clientNodeId(client.id));
  const selected = useAppStore(
    (s) => s.selection?.kind === 'client' && s.selection.clientId === client.id,
  );
  const key = client.apiKey === null ? 'no API key' : `key ${client.apiKey}`;
  return (
    <div
      className={`graph-node client-node graph-node--${size}${highlighted ? ' is-highlighted' : ''}${selected ? ' is-selected' : ''}`}
      style={{ width, height }}
    >
      {/* The whole node is the button: a click anywhere on it explains the client. */}
      <button
        type="button"
        className="node-button nodrag nopan"
        aria-label={`${client.label}, ${key}: ${quota}. Explain`}
        aria-expanded={selected}
        aria-controls={selected ? EXPLANATION_ID : undefined}
        onClick={() =>
          useAppStore.getState().select(selected ? null : { kind: 'client', clientId: client.id })
        }
      >
        <strong>{client.label}</strong>
        <span className="node-key">{key}</span>
        <span className="node-figure">{quota}</span>
      </button>
      <Handle
        type="source"
        position={orientation === 'horizontal' ? Position.Right : Position.Bottom}
        isConnectable={false}
      />
    </div>
  );
});
