#!/usr/bin/env node
// The installed `quotecheck` command: the built CLI (packages/cli/dist, made by `pnpm install`'s
// build step or `pnpm build`). Plain node on built JavaScript: no TypeScript loader at start-up.
import '../dist/main.js';
