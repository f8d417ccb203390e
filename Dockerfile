# Image of the worker, the API and the one-shot database set-up (docker-compose.yml picks the command).
# TypeScript runs through tsx, as in development; the Prisma client is generated at build time.
FROM node:20-slim

ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so a source change does not reinstall them. devDependencies stay: the Prisma CLI (migrations)
# is one of them.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci && npm cache clean --force

# Only what runs: no host node_modules, generated client, .data or tests end up in the image.
COPY --chown=node:node tsconfig.json prisma.config.ts ./
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node scripts ./scripts
COPY --chown=node:node temporal ./temporal
COPY --chown=node:node domain ./domain
COPY --chown=node:node lib ./lib
COPY --chown=node:node workflows ./workflows
COPY --chown=node:node activities ./activities
COPY --chown=node:node api ./api
COPY --chown=node:node worker ./worker
COPY --chown=node:node console ./console
RUN bash scripts/prisma.sh generate && bash scripts/build-console.sh
# Evidence files (EVIDENCE_DIR) and the audit signing key (AUDIT_SIGNING_KEY_FILE); docker-compose mounts volumes here,
# which take these directories' owner.
RUN mkdir -p /app/.data/evidence /app/.data/keys

ENV NODE_ENV=production
EXPOSE 3000
CMD ["node_modules/.bin/tsx", "api/server.ts"]
