import { documentsRecord } from './documents-record.bench.js';
import { evidenceImport } from './evidence-import.bench.js';
import { hearingCreate } from './hearing-create.bench.js';
import { runBenchmarks, type Benchmark } from './harness.js';
import { minutesAppend } from './minutes-append.bench.js';
import { discardRendererSeed, rendererHeap, rendererKeystroke, rendererOpen } from './renderer.bench.js';
import { searchFulltext } from './search-fulltext.bench.js';

/** Every benchmark, in the order of the issues that asked for them. */
const benchmarks: Benchmark[] = [hearingCreate, evidenceImport, minutesAppend, searchFulltext, rendererKeystroke, rendererOpen, rendererHeap, documentsRecord];

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
process.exitCode = await runBenchmarks(benchmarks, { quick, only }, { result: (line) => console.log(line), note: (line) => console.error(line) });
await discardRendererSeed();
