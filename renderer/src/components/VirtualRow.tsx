import type { VirtualItem } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';

/** One row of a virtualized list, placed where the virtualizer laid it out and measured once it renders. */
export function VirtualRow({ item, measure, children }: { item: VirtualItem; measure: (node: Element | null) => void; children: ReactNode }) {
  return (
    <div data-index={item.index} ref={measure} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}>
      {children}
    </div>
  );
}
