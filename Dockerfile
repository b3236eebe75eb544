# TuneBatch, CPU image: the jar built by `mvn package` plus the job definitions.
#   mvn -B package -DskipTests && docker build -t tunebatch:0.1.0 .
# GPU workers use Dockerfile.cuda. Both run as a non-root user and need no writable root
# filesystem: Kubernetes mounts /tmp, /var/cache/djl and /data (see k8s/).
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 tunebatch \
 && useradd --system --uid 10001 --gid tunebatch --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin tunebatch

WORKDIR /app
COPY target/tunebatch.jar /app/tunebatch.jar
COPY jobs/ /app/jobs/

# DJL runs offline: libtorch (CPU) unpacks from the jar into DJL_CACHE_DIR on first use.
ENV DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/var/cache/djl

USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/tunebatch.jar"]
