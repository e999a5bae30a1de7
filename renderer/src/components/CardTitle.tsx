import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title of a page that is one card (search, the audit log): the page's icon in the app's blue, then its name. */
export function CardTitle({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Flex align="center" gap={10}>
      <span style={{ color: '#1f4e9c', display: 'inline-flex' }}>{icon}</span>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {children}
      </Typography.Title>
    </Flex>
  );
}
