# billcast: one image for the API and the worker (compose.yaml chooses the command of each).
# Not built on the machine this was written on: it has no Docker daemon and reaches no image registry. What the image's
# build step runs, `npm run build`, is run by test/integration/build-script.test.ts in CI (`npm test`).

# Debian bookworm, the same release whose Chromium, fonts, ffmpeg and voices billcast is tested with.
FROM node:20-bookworm-slim AS system
# The headless shell renders; Noto CJK and colour emoji keep Korean text and emoji from showing boxes; Festival and
# espeak-ng speak the narration and ffmpeg mixes it (server/platform/system-packages.ts lists the same packages).
RUN apt-get update \
	&& apt-get install -y --no-install-recommends \
		ca-certificates \
		chromium-headless-shell fonts-noto-cjk fonts-noto-color-emoji \
		festival festvox-us-slt-hts festvox-itapc16k festvox-italp16k espeak-ng ffmpeg \
	&& rm -rf /var/lib/apt/lists/*
WORKDIR /app

# The bundles are built once here, with the development dependencies that build them, into /app/build.
FROM system AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM system
ENV NODE_ENV=production \
	HOST=0.0.0.0 \
	PORT=3000 \
	BILLCAST_WORKER_METRICS_HOST=0.0.0.0 \
	BILLCAST_DATA_DIR=/var/lib/billcast \
	REMOTION_BROWSER_EXECUTABLE=/usr/bin/chromium-headless-shell
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
COPY --from=build /app/build ./build
# Nothing of the image is writable by the service but its data folder (temporary files go to /tmp).
RUN mkdir -p /var/lib/billcast && chown node:node /var/lib/billcast
USER node
EXPOSE 3000 9464
# node itself, not npm or tsx's wrapper, so SIGTERM reaches the process that drains its work.
CMD ["node", "--import", "tsx", "server/api/api-main.ts"]
