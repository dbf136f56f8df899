// `npm run bench`: 1,000 apology letters as one .zip, built by the server's own code (dist/).
// Prints the time and size; the README's benchmark section quotes the figure.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const dist = new URL("../dist/server/src/documents/", import.meta.url).pathname;
const { buildApologyZip } = require(`${dist}archive/apology-zip.js`);
const { sampleApologyModel } = require(`${dist}samples/sample-models.js`);
const { DEFAULT_LETTER_TEXTS } = require(`${dist}texts/default-letter-texts.js`);

const COUNT = Number(process.env.BENCH_LETTERS ?? 1000);

function* letters() {
  for (let i = 1; i <= COUNT; i += 1) yield sampleApologyModel(`H${String(i).padStart(5, "0")}`);
}

await buildApologyZip([sampleApologyModel("warm-up")], DEFAULT_LETTER_TEXTS);
const started = performance.now();
const zip = await buildApologyZip(letters(), DEFAULT_LETTER_TEXTS);
const seconds = (performance.now() - started) / 1000;
const perLetter = (seconds * 1000) / COUNT;
console.log(
  `apology letters zip: ${COUNT} letters in ${seconds.toFixed(2)} s ` +
    `(${perLetter.toFixed(1)} ms per letter), ${(zip.length / 1024 / 1024).toFixed(1)} MiB, ` +
    `heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`,
);
