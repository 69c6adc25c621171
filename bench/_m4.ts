import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
const buf = gunzipSync(readFileSync('/work/main/src/extract/ner/model/ner.bin.gz'));
const hlen = buf.readUInt32LE(4);
const h = JSON.parse(buf.toString('utf8', 8, 8 + hlen));
let off = 8 + hlen; off += (4 - (off % 4)) % 4; off += h.features * 4;
const counts = buf.subarray(off, off + h.features);
const hist = new Array(18).fill(0); for (const c of counts) hist[c]++;
console.log(hist.map((v, i) => `${i}:${v}`).join(' '));
