import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useAppStore } from '../../store';
import { clientNodeId, type ClientNodeType } from './nodeData';
import { quotaText } from './quota';

/** A client: who it is, the key it sends, and its remaining quota right now. */
export const ClientNode = memo(function ClientNode({ data }: NodeProps<ClientNodeType>) {
  const { client, orientation, size, width, height } = data;
  const quota = useAppStore((s) => quotaText(s, client.apiKey, size === 'phone'));
  const highlighted = useAppStore((s) => s.highlight === clientNodeId(client.id));
  return (
    <div
      className={`graph-node client-node graph-node--${size}${highlighted ? ' is-highlighted' : ''}`}
      style={{ width, height }}
    >
      <strong>{client.label}</strong>
      <span className="node-key">
        {client.apiKey === null ? 'no API key' : `key ${client.apiKey}`}
      </span>
      <span className="node-figure">{quota}</span>
      <Handle
        type="source"
        position={orientation === 'horizontal' ? Position.Right : Position.Bottom}
        isConnectable={false}
      />
    </div>
  );
});
