import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  stdin: process.stdin,
  env: process.env,
});
if (code >= 0) process.exitCode = code;
