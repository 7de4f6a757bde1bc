import type { ReactNode } from 'react';

/**
 * The page's main action on the phone: full width, just above the tab bar, where the thumb rests.
 * The spacer keeps the end of the page from hiding under it.
 */
export function PhoneActionBar({ children }: { children: ReactNode }) {
  return (
    <>
      <div className="phone-action-spacer" aria-hidden />
      <div className="phone-action-bar">{children}</div>
    </>
  );
}
