// The benchmark page: exposes each scenario as window.bench[name](); the Node runner calls them under CPU throttling.
// The scenarios make PDFs and CSVs with the app's words: every catalogue, as the pages that make them load theirs.
import '$lib/i18n/messages/all';
import { scenarios } from './scenarios';

(window as unknown as { bench: typeof scenarios }).bench = scenarios;
document.getElementById('status')!.textContent = 'ready';
