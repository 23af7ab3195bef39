# newsbot: one image for `newsbot serve` (polling or webhook, with the web page and WeChat endpoint beside the
# bot on port 8000), or `newsbot web` alone (no Telegram). Data lives on the /data volume.
# Build: docker build -t newsbot .    Run: docker run --env-file .env -v newsbot-data:/data newsbot
# Dependencies come from requirements.lock (exact versions, every file checked against its hash), so two
# builds of one commit install the same packages. Refresh the lock with `.ci/lock` after changing
# pyproject.toml's dependencies.

# Build stage: a virtualenv holding the locked dependencies and newsbot, without pip or setuptools.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY requirements-build.lock requirements.lock ./
# The pinned setuptools first; --no-build-isolation then builds source-only packages (jieba) and newsbot
# itself with it, instead of with an unpinned setuptools fetched for each build.
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --require-hashes --no-deps -r requirements-build.lock \
    && /opt/venv/bin/pip install --require-hashes --no-deps --no-build-isolation -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage ./storage
# sqlite-utils lists pip as a dependency (for its own `install` subcommand, which newsbot never runs);
# pip and setuptools leave the venv once newsbot is installed.
RUN /opt/venv/bin/pip install --no-deps --no-build-isolation --no-index . \
    && /opt/venv/bin/python -m pip uninstall --yes --quiet pip setuptools

# Runtime stage: the base image's Python, the venv from the build stage, the seeds.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSBOT_DB=/data/newsbot.db \
    NEWSBOT_SEEDS=/app/seeds \
    NEWSBOT_HEALTH_PORT=8080 \
    NEWSBOT_WEB_PORT=8000 \
    NEWSBOT_WEB_LISTEN=0.0.0.0
# The base image's own pip, setuptools and wheel (and ensurepip's copies of them) are never used here:
# removed, so nothing in the running container can install packages (their bytes stay in the base layer).
# The group is created first with gid 10001, so the user is 10001:10001 like the USER line below
# (`useradd --system --user-group` would pick a system gid such as 999).
RUN if python -m pip --version >/dev/null 2>&1; then python -m pip uninstall --yes --quiet pip setuptools wheel; fi \
    && rm -rf /usr/local/lib/python3.11/ensurepip/_bundled \
    && groupadd --system --gid 10001 newsbot \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin newsbot \
    && mkdir -p /data /app \
    && chown 10001:10001 /data
COPY --from=build /opt/venv /opt/venv
COPY seeds /app/seeds
# Compile bytecode once at build time, and prove the image works: ingest the seeds into a throwaway
# database and answer a search (loading the segmenter's dictionary, jieba's IDF table and OpenCC).
# The web edge and the Telegram edge import too (their libraries are in the lock).
RUN python -m compileall -q /opt/venv/lib \
    && NEWSBOT_DB=/tmp/build-check.db newsbot search 谁主持了统战工作会议 --limit 1 \
    && python -c "import bot.web.app, bot.telegram.app" \
    && rm -f /tmp/build-check.db*
USER 10001:10001
WORKDIR /app
VOLUME ["/data"]
# 8080: /healthz; 8443: webhook mode (newsbot serve --webhook-url ...); 8000: the web page, its JSON API,
# article pages, private feeds and /wechat (behind your HTTPS reverse proxy; set NEWSBOT_WEB_PUBLIC_URL)
EXPOSE 8080 8443 8000
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["newsbot", "health", "--quiet", "--require", "digest_scheduler"]
CMD ["newsbot", "serve"]
