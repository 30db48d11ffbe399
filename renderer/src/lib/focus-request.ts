/**
 * Focus after an action that replaces the whole screen (issue #15 item 16):
 * joining with an invitation (then the PIN) ends on Översikt, where nothing
 * the user pressed is left to hold the focus. The action asks for the next
 * page title to take it. A title shown only while the events load gives way
 * to the screen's own title: when the title holding the focus is gone and
 * the focus fell to the page body, the next title takes it over. A plain
 * start of the app asks nothing, so the skip link stays first there.
 */
let pending = false;
let holder: HTMLElement | null = null;

export function focusNextPageTitle(): void {
  pending = true;
}

/** Called by a page title once it is on the page: focuses it when asked to, or to take over from a title that went away. */
export function claimPageTitleFocus(el: HTMLElement): void {
  const active = document.activeElement;
  const orphaned = holder !== null && !holder.isConnected && (active === null || active === document.body);
  if (!pending && !orphaned) return;
  pending = false;
  holder = el;
  el.focus();
}
