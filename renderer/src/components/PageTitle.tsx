import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { claimPageTitleFocus } from '../lib/focus-request';

/**
 * A section's page title; focusable so focus can move to it on navigation.
 * Its own module (not the frame's): screens import it, and the frame imports
 * the screens, so keeping it in AppFrame made every screen part of a cycle.
 */
export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // After joining (and the like) the first title to appear takes the focus; see lib/focus-request.ts.
  useEffect(() => {
    if (ref.current) claimPageTitleFocus(ref.current);
  }, []);
  return (
    <Title ref={ref} order={1} size="h2" tabIndex={-1} mb="md" style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
