/**
 * Puts the keyboard somewhere sensible after the element that had it disappears (the "End" or
 * "Withdraw" button of a record that no longer offers it). Two frames later on purpose: a closing
 * React Aria dialog gives focus back to its trigger one frame after it unmounts, and that trigger
 * may be the very button that is gone, which would leave focus on the page body.
 */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
}
