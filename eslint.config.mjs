// Lint: typescript-eslint's recommended rules on the package source and tests.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
    { ignores: ["dist/**", "coverage/**", "node_modules/**", "examples/*/node_modules/**", "**/*.js", "**/*.mjs"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            // The serialized provider must load its implementation with require() at run time.
            "@typescript-eslint/no-require-imports": "off",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "@typescript-eslint/no-explicit-any": "warn",
        },
    },
    { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: globals.node } },
);
