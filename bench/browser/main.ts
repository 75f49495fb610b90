// The benchmark page: exposes each scenario as window.bench[name](); the Node runner calls them under CPU throttling.
// The scenarios make PDFs and CSVs with the app's words: every catalogue, as the pages that make them load theirs.
import '$lib/i18n/messages/all';
import { scenarios } from './scenarios';
import { hubBench } from './hub';

(window as unknown as { bench: typeof scenarios }).bench = scenarios;
// The hub's steps, driven one by one by the runner (bench/hub.mjs); not run with the scenarios above.
(window as unknown as { hubBench: typeof hubBench }).hubBench = hubBench;
document.getElementById('status')!.textContent = 'ready';
