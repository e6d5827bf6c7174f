# syntax=docker/dockerfile:1
#
# One image for all three paperfeed services; the subcommand picks the role:
#   docker run paperfeed:local producer|streams|consumer [flags]
# Settings come from flags or PAPERFEED_* environment variables (see docker-compose.yml).

# ---- build stage: the whole reactor, packaged into app/target/paperfeed.jar ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder of docker and docker compose).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package \
 && test -f app/target/paperfeed.jar

# ---- runtime stage ----
FROM eclipse-temurin:17-jre

# A fixed, non-root uid/gid; the state dir is created here so that a fresh volume
# mounted on it is initialised with this owner.
RUN groupadd --system --gid 10001 paperfeed \
 && useradd --system --uid 10001 --gid paperfeed --home-dir /opt/paperfeed --no-create-home \
        --shell /usr/sbin/nologin paperfeed \
 && mkdir -p /opt/paperfeed/seeds /var/lib/paperfeed/state \
 && chown -R paperfeed:paperfeed /var/lib/paperfeed

COPY --from=build /src/app/target/paperfeed.jar /opt/paperfeed/paperfeed.jar
COPY seeds/ /opt/paperfeed/seeds/

# The jar's HTTP server binds 127.0.0.1 unless told otherwise; in a container it must listen on all
# interfaces, or neither Prometheus nor a published port can reach /metrics.
ENV PAPERFEED_HTTP_HOST=0.0.0.0 \
    PAPERFEED_HTTP_PORT=8080 \
    PAPERFEED_INPUT=/opt/paperfeed/seeds \
    PAPERFEED_STATE_DIR=/var/lib/paperfeed/state

USER paperfeed
WORKDIR /opt/paperfeed
EXPOSE 8080

# curl ships in the eclipse-temurin (Ubuntu) base image, so no extra package is needed.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${PAPERFEED_HTTP_PORT:-8080}/health" > /dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/opt/paperfeed/paperfeed.jar"]
