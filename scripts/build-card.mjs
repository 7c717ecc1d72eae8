// Build the Ankle Care card into the one file the integration serves:
//   node scripts/build-card.mjs           write custom_components/ankle_care/frontend/ankle-care-card.js
//   node scripts/build-card.mjs --check   build in memory and fail unless the committed file is identical
// Lit is bundled in; the output depends only on the sources, package-lock.json and this file.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const frontend = join(root, "custom_components", "ankle_care", "frontend");
const outfile = join(frontend, "ankle-care-card.js");
const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));

const result = await build({
  absWorkingDir: root,
  entryPoints: [join(frontend, "src", "ankle-care-card.ts")],
  bundle: true,
  format: "esm",
  target: "es2021",
  minify: true,
  legalComments: "eof",
  charset: "utf8",
  define: { __CARD_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: `/* Ankle Care card ${pkg.version}: built by scripts/build-card.mjs from frontend/src; do not edit. */` },
  write: false,
  outfile,
  logLevel: "warning",
});
const built = result.outputFiles[0].contents;

if (process.argv.includes("--check")) {
  let committed;
  try {
    committed = await readFile(outfile);
  } catch {
    committed = Buffer.alloc(0);
  }
  if (Buffer.compare(Buffer.from(built), committed) !== 0) {
    console.error(
      `${outfile} differs from a fresh build of frontend/src (${built.length} bytes built, ` +
        `${committed.length} committed): run \`npm run build\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`card build reproducible: ${built.length} bytes, identical to the committed file`);
} else {
  await writeFile(outfile, built);
  console.log(`wrote ${outfile} (${built.length} bytes)`);
}
