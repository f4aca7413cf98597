# dataprep in a container: built with the official Swift image, run on a slim Debian with
# libxml2, zlib, OpenSSL's libcrypto, libcurl and libcld2 only (the Swift standard library is linked statically).
#
#   docker build -t dataprep .
#   docker run --rm -v "$PWD:/data" -w /data dataprep build samples -o /data/dataset
#
# Kept minimal on purpose: this machine has no Docker, so the file is not built by CI here. The
# same build (static stdlib, stripped) is what scripts/release.sh makes and
# scripts/check-release-chroot.sh proves runs on a minimal Debian root.
FROM swift:6.3-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libxml2-dev zlib1g-dev libssl-dev libcld2-dev libcurl4-openssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product dataprep --static-swift-stdlib -Xlinker -s \
    && mkdir -p /out && cp -R .build/release/dataprep .build/release/dataprep_DataPrep.resources /out/

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libxml2 zlib1g libssl3 libcurl4 libcld2-0 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/ /usr/local/bin/
ENTRYPOINT ["/usr/local/bin/dataprep"]
CMD ["--help"]
