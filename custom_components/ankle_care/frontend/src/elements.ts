/**
 * Define the card's elements. Imported only once Home Assistant's own elements are
 * defined (see `ankle-care-card.ts`), so Lit and the classes below are evaluated
 * against the element registry the frontend finally uses.
 */
import { AnkleCareActions } from "./actions";
import { AnkleCareCard } from "./card";
import { ACTIONS_TAG, CARD_TAG, EDITOR_TAG } from "./constants";
import { AnkleCareCardEditor } from "./editor";

export function defineElements(): void {
  const elements: [string, CustomElementConstructor][] = [
    [ACTIONS_TAG, AnkleCareActions],
    [EDITOR_TAG, AnkleCareCardEditor],
    [CARD_TAG, AnkleCareCard],
  ];
  for (const [tag, element] of elements) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
