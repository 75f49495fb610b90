// Take the user to the first field a save refused: scrolled to the middle of the screen and focused, so a
// message above the fold (or below the keyboard) is not missed when a form has more than one.
import { tick } from 'svelte';

/** After the problems are on screen: the first invalid field (or message) inside the element matching `scope`. */
export async function showFirstProblem(scope: string): Promise<void> {
  await tick();
  const field = document.querySelector<HTMLElement>(`${scope} [aria-invalid="true"], ${scope} .field-error`);
  field?.scrollIntoView({ block: 'center' });
  if (field?.matches('input, textarea, select')) field.focus({ preventScroll: true });
}
