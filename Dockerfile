# syntax=docker/dockerfile:1
# news-digest-bot: `serve` (the Telegram bot and the news scheduler) in a container.
#   docker build -t news-digest-bot .
#   docker run -d --name news-digest --env-file .env -v news-digest-data:/data --stop-timeout 60 news-digest-bot
# or `docker compose up -d` (docker-compose.yml). README.md, "Deploy", says more.

# --- build: install with the lockfile, bundle the TypeScript, keep only runtime packages ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; these build it from source when none fits.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: plain JavaScript, a non-root user, the database on a volume ---
FROM node:20-bookworm-slim
# tini is PID 1: it passes SIGTERM on to node (also while the bot is still starting, before
# serve has installed its handler) and reaps what exits.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATABASE_PATH=/data/news-digest.db \
    SOURCES_FILE=/app/sources.json \
    METRICS_PORT=9464 \
    METRICS_HOST=127.0.0.1
WORKDIR /app
# The code stays root's and read-only to the service; only /data is written.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
COPY sources.json ./
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# The webhook port (WEBHOOK_URL mode only; long polling needs no inbound port). The metrics
# port stays on the container's loopback unless METRICS_HOST=0.0.0.0.
EXPOSE 8443
# On SIGTERM serve stops polling, lets updates finish (10 s), lets the digest messages in
# flight finish (up to SEND_TIMEOUT_MS + 1 s; then they are recorded unknown, never resent)
# and exits 0. Give it that long: docker stop -t 60 / stop_grace_period: 60s.
STOPSIGNAL SIGTERM
# 200 when the database answers, the scheduler runs and the bot is up (GET /healthz on METRICS_PORT).
HEALTHCHECK --interval=30s --timeout=5s --start-period=150s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.METRICS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "--max-old-space-size=192", "dist/main.js", "serve"]
