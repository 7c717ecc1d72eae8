/** The card's element names and its version (set by the build from package.json). */
export const CARD_TAG = "ankle-care-card";
export const EDITOR_TAG = "ankle-care-card-editor";
export const ACTIONS_TAG = "ankle-care-card-actions";

declare const __CARD_VERSION__: string;
export const CARD_VERSION: string = __CARD_VERSION__;
