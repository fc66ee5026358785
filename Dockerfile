# syntax=docker/dockerfile:1
# One image for every Switchboard process:
#   gateway (default)   node dist/src/main/gateway.js
#   persister           node dist/src/main/persister.js
#   migrations          node dist/src/main/migrate.js
# Build: docker build -t switchboard .

# ---- build: compile TypeScript to dist/ ------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY proto ./proto
COPY src ./src
COPY load ./load
RUN npm run build

# ---- runtime: production dependencies + compiled code, non-root ------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY proto ./proto
COPY migrations ./migrations
# migrate.js finds its SQL at ../../migrations relative to itself, i.e. dist/migrations once compiled.
RUN ln -s ../migrations dist/migrations
# The node image's unprivileged user (uid 1000); nothing in /app is writable by it.
USER node
EXPOSE 8080
# No curl in the slim image: Node's fetch does the probe. $PORT is the listening port of every role.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM starts the graceful drain (goaway, then close); compose gives it stop_grace_period.
STOPSIGNAL SIGTERM
# --max-semi-space-size: see src/main/node-flags.ts (less RSS per connection after a storm;
# the image runs Redis-engine gateways: set REDIS_URL).
CMD ["node", "--max-semi-space-size=8", "dist/src/main/gateway.js"]
