# newsbot: one image for `newsbot serve` (polling or webhook). Data lives on the /data volume.
# Build: docker build -t newsbot .    Run: docker run --env-file .env -v newsbot-data:/data newsbot

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage ./storage
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSBOT_DB=/data/newsbot.db \
    NEWSBOT_SEEDS=/app/seeds \
    NEWSBOT_HEALTH_PORT=8080
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin newsbot \
    && mkdir -p /data /app \
    && chown newsbot:newsbot /data
COPY --from=build /opt/venv /opt/venv
COPY seeds /app/seeds
# Compile bytecode once at build time, and prove the image works: ingest the seeds into a throwaway
# database and answer a search (loading the segmenter's dictionary, jieba's IDF table and OpenCC).
RUN python -m compileall -q /opt/venv/lib \
    && NEWSBOT_DB=/tmp/build-check.db newsbot search 谁主持了统战工作会议 --limit 1 \
    && rm -f /tmp/build-check.db*
USER 10001:10001
WORKDIR /app
VOLUME ["/data"]
# 8080: /healthz; 8443: webhook mode (newsbot serve --webhook-url ...)
EXPOSE 8080 8443
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["newsbot", "health", "--quiet", "--require", "digest_scheduler"]
CMD ["newsbot", "serve"]
