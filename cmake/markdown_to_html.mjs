// Renders a Markdown page of docs/ (docs/errors.md) as a standalone HTML page for the site, with
// Debian's node-marked: "Open in the docs" opens it beside the app, at a section's anchor. The
// anchors are marked's heading ids, which match the GitHub-style ones memviz links to
// (vm::concept_anchor; tests/browser/concept.test.mjs checks one).
//
//   node cmake/markdown_to_html.mjs IN.md OUT.html
import fs from 'node:fs';
import { marked } from '/usr/share/nodejs/marked/lib/marked.esm.js';

const [input, output] = process.argv.slice(2);
const markdown = fs.readFileSync(input, 'utf8');
const title = (markdown.match(/^# (.*)$/m) ?? [, 'memviz'])[1];
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
fs.writeFileSync(output, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — memviz</title>
<link rel="icon" href="data:,">
<style>
  :root { color-scheme: light dark; }
  body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.55 system-ui, sans-serif; }
  code, pre { font-family: "JetBrains Mono", ui-monospace, monospace; font-size: 0.9em; }
  pre { padding: 0.75rem 1rem; overflow-x: auto; background: rgba(127, 127, 127, 0.12); border-radius: 4px; }
  table { border-collapse: collapse; } th, td { padding: 0.25rem 0.6rem; border: 1px solid rgba(127, 127, 127, 0.4); }
  h2 { margin-top: 2.5rem; }
</style>
</head>
<body>
${marked.parse(markdown, { gfm: true, headerIds: true, mangle: false })}
</body>
</html>
`);
