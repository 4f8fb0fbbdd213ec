// ESLint for the repository's JavaScript (`make lint`): the browser modules of the theme,
// and the few Node.js files of the tools.
import js from "@eslint/js";
import globals from "globals";

// Names a browser defines on window that a slip turns into a bug rather than an error
// (`status` for an undeclared variable, `event` for a missing parameter, ...): read them
// from `window.` when they are meant.
const CONFUSING_GLOBALS = [
  "close", "closed", "event", "history", "length", "location", "name", "open", "opener", "origin",
  "parent", "print", "self", "status", "top",
];

export default [
  {ignores: ["site/", "node_modules/", ".venv/", "bench/.work/", "test-artifacts/"]},
  js.configs.recommended,
  {
    files: ["theme/assets/javascripts/**/*.mjs"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: globals.browser},
    rules: {
      "array-callback-return": "error",
      "curly": "error",
      "eqeqeq": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-globals": ["error", ...CONFUSING_GLOBALS],
      // Reader-visible text goes in as text: HTML built from strings is how content would run.
      "no-restricted-properties": [
        "error",
        {object: "document", property: "write", message: "Build elements instead."},
        {object: "document", property: "writeln", message: "Build elements instead."},
      ],
      "no-restricted-syntax": [
        "error",
        {selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
          message: "Set textContent, or build elements."},
        {selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Build elements instead."},
      ],
      "no-self-compare": "error",
      "no-shadow": "error",
      "no-template-curly-in-string": "error",
      "no-throw-literal": "error",
      "no-unused-expressions": "error",
      "no-unmodified-loop-condition": "error",
      "no-unreachable-loop": "error",
      "no-use-before-define": ["error", {functions: false}],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["*.js", "*.mjs", "tools/**/*.cjs"],
    languageOptions: {globals: globals.node},
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {sourceType: "commonjs"},
  },
];
