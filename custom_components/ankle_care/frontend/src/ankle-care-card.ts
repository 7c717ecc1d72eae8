/**
 * Entry of the Ankle Care card, loaded by Home Assistant beside its own bundle
 * (`frontend.add_extra_js_url`).
 *
 * The card is announced to the card picker at once, but its elements are defined
 * only when Home Assistant's own `home-assistant` element is: the frontend swaps in
 * its own custom-element registry while it starts, and an element defined before
 * that is lost ("Custom element doesn't exist"). The elements' module, Lit
 * included, is evaluated only then. The picker reads the card's name and
 * description each time it opens: they are in the user's language once the
 * card's words are fetched, in English until then.
 */
import { CARD_TAG, CARD_VERSION } from "./constants";
import { pageLabel, prefetchPageLabels } from "./translations";

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

const page = window as unknown as { customCards?: CustomCardEntry[] };
page.customCards = page.customCards ?? [];
if (!page.customCards.some((card) => card.type === CARD_TAG)) {
  page.customCards.push({
    type: CARD_TAG,
    get name() {
      return pageLabel("card_name");
    },
    get description() {
      return pageLabel("card_description");
    },
    preview: true,
    documentationURL: "https://github.com/ankle-care/ankle_care#dashboard-card",
  });
}

customElements
  .whenDefined("home-assistant")
  .then(() => import("./elements"))
  .then(({ defineElements }) => {
    defineElements();
    prefetchPageLabels();
  })
  .catch((err: unknown) => {
    console.error(`Ankle Care card ${CARD_VERSION} could not start`, err);
  });
