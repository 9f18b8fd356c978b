# syntax=docker/dockerfile:1.7
# quotecheck: one image for every worker role (ingest, fetch/extract, verify) and the review desk.
# Build and run with compose.yaml (docs/deploy.md). The command is the `quotecheck` CLI:
#   docker run --rm quotecheck:local --help
#   docker run --rm -e REDIS_URL=redis://redis:6379 quotecheck:local run --role verify

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- deps: the workspace's dependencies from the lockfile (cached while no package.json changes)
FROM ${NODE_IMAGE} AS deps
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 CI=true
# pnpm at the version package.json's packageManager pins.
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# Every workspace package's manifest: --frozen-lockfile refuses a lockfile whose importers are missing.
COPY packages/shared/package.json packages/shared/
COPY packages/ingest/package.json packages/ingest/
COPY packages/extract/package.json packages/extract/
COPY packages/verify/package.json packages/verify/
COPY packages/cli/package.json packages/cli/
COPY tests/package.json tests/
# --ignore-scripts: the workspace's own `prepare` builds the sources, which are not here yet.
RUN --mount=type=cache,id=quotecheck-pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile --ignore-scripts

# ---- build: the sources, built by the same install (dependency scripts, then the workspace's
# `prepare`: scripts/build.mjs bundles the CLI into packages/cli/dist and compiles the libraries).
FROM deps AS build
COPY tsconfig.json tsconfig.base.json ./
COPY scripts scripts
COPY packages packages
RUN --mount=type=cache,id=quotecheck-pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile --offline

# ---- runtime: no compiler toolchain, no package manager, a non-root user, tini as PID 1
FROM ${NODE_IMAGE} AS runtime
# tini forwards SIGTERM to node and reaps zombies, so `docker stop` starts the 20 s drain.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
# Owned by root, run as `node`: the process cannot rewrite its own code.
COPY --from=build /app /app
USER node
# 3000: `serve` (the review desk); 9464: `run --metrics-port 9464` (/metrics, /healthz, /readyz).
EXPOSE 3000 9464
STOPSIGNAL SIGTERM
# The built CLI (packages/cli/dist): plain node, no TypeScript loader at start-up.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/packages/cli/bin/quotecheck.js"]
CMD ["run"]
