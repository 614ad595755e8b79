/** Copying text: the async clipboard API, which can be missing or refused (permissions, http). */

/** Copies `text`; false when the browser refused (the caller then offers a selected text field). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
