// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary after a failed submission, so screen readers announce it.
const summary = document.getElementById('error-summary');
if (summary) summary.focus();
