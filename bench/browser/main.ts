// The benchmark page: exposes each scenario as window.bench[name](); the Node runner calls them under CPU throttling.
import { scenarios } from './scenarios';

(window as unknown as { bench: typeof scenarios }).bench = scenarios;
document.getElementById('status')!.textContent = 'ready';
