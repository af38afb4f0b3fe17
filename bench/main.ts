// npm run bench: figures side by side with their baselines, in one run.
import { bundledIndexBench } from './bundledIndex';
import { searchBench } from './search';

console.log(`# Recap Writer benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('## Bundled index load (median of 5)\n');
console.log(bundledIndexBench());
console.log('\n## Search\n');
console.log(searchBench());
