# Emis: one image with the API, which also serves the built web app on the same origin.
# Production runs it against a real PostgreSQL server (docker-compose.yml); see docs/operations.md.

# ---- build: compile the API (tsc) and the web app (Angular) -------------------------------------------------------
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true \
    NX_DAEMON=false \
    SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --output-style=static

# ---- runtime: production dependencies and the two builds, nothing else ---------------------------------------------
FROM node:20.20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
# --omit=optional drops the embedded PostgreSQL binaries (only `npm start` uses them, never with DATABASE_URL set).
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional --no-audit --no-fund
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web/browser ./dist/apps/web/browser

# Files stay owned by root (read-only for the process); the API writes nothing to disk.
ENV WEB_DIST_DIR=/app/dist/apps/web/browser \
    PORT=3000
USER node
EXPOSE 3000

# The migrate step runs before, in its own container (cli.js prepare); the start period covers the demo's first
# reporting facts. /api/health also pings the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "dist/apps/api/apps/api/src/main.js"]
