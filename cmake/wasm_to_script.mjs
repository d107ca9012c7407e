// Writes a wasm binary as a classic script that sets `self.memvizWasmBase64`, for pages whose
// origin is opaque (a sandboxed <iframe>): they may run a <script> from the site but not fetch
// the .wasm from it without CORS headers (web/page/memviz.js, wasmForOpaqueOrigin).
//
//   node cmake/wasm_to_script.mjs IN.wasm OUT.js
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const base64 = fs.readFileSync(input).toString('base64');
fs.writeFileSync(output, `self.memvizWasmBase64 = "${base64}";\n`);
