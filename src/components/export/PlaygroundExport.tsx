import { useMemo } from 'react';
import { EXPORT_TARGETS } from '../../engine/export';
import { useAppStore } from '../../store';
import { ExportPanel } from './ExportPanel';
import { playgroundConfig } from './playgroundConfig';

/** "Export config" for the playground: its gateway as it is now, in a real gateway's own format. */
export function PlaygroundExport() {
  const gateway = useAppStore((s) => s.gateway);
  // Any of these changes what is exported; the gateway object itself may stay the same.
  const settings = useAppStore((s) => s.settings);
  const routes = useAppStore((s) => s.routes);
  const history = useAppStore((s) => s.history);
  const config = useMemo(
    () => playgroundConfig(gateway),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- settings, routes and history stand for the gateway's mutable state
    [gateway, settings, routes, history],
  );
  return <ExportPanel config={config} targets={EXPORT_TARGETS} />;
}
