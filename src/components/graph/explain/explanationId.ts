/** The id of the panel that explains what was clicked: controls that open it point here. */
export const EXPLANATION_ID = 'graph-explanation';
