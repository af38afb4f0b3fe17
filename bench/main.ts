// npm run bench: figures side by side with their baselines, in one run.
import { searchBench } from './search';

console.log(`# Recap Writer benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('## Search\n');
console.log(searchBench());
