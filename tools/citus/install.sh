#!/usr/bin/env bash
# Installs Citus into Debian's PostgreSQL 15 when it is not there yet: the test cluster of `npm run test:citus`
# (tools/citus/cluster.mjs) loads it. Citus is AGPL-3.0 and a test-only dependency of Emis: built from the source kept
# next to the repository, installed on the test machine, never bundled with Emis (docs/scaling.md, "Trying Emis on a
# Citus cluster").
#
#   CITUS_SOURCE_DIR   where citus-<version>.tar.gz and the PostgreSQL 15 patch are (default: ../shared/citus,
#                      relative to the repository)
#   EMIS_CITUS_CACHE   the build cache (default: ~/.cache/emis-citus); one folder per version, <version>-pg15
#
# In order, doing only what is missing:
#   1. PostgreSQL 15 (server, client, development files) from apt;
#   2. citus.so in `pg_config --pkglibdir` already: done;
#   3. a cached build in <cache>/<version>-pg15 (a `make install DESTDIR=…` tree): copied into /, done;
#   4. otherwise the build packages from apt, then configure, make and `make install DESTDIR=<cache>` (made in a
#      temporary sibling and renamed into place, so a cut build is never taken for a cache), then copied into /.
# Root is needed for apt and for the copy into / (CI machines run as root).
set -euo pipefail

VERSION=13.2.2
PG_MAJOR=15
root="$(cd "$(dirname "$0")/../.." && pwd)"
source_dir="${CITUS_SOURCE_DIR:-$root/../shared/citus}"
cache="${EMIS_CITUS_CACHE:-$HOME/.cache/emis-citus}/$VERSION-pg$PG_MAJOR"
pg_config="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
started=$SECONDS

say() { echo "citus: $*"; }

# Installs the apt packages given that are not installed yet (one `apt-get update` at most).
apt_install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# 1. Debian's PostgreSQL 15: the cluster runs its binaries, psql runs distribute.sql, pg_config locates the install.
apt_install_missing postgresql-15 postgresql-client-15 postgresql-server-dev-$PG_MAJOR

pkglibdir="$("$pg_config" --pkglibdir)"
sharedir="$("$pg_config" --sharedir)"

installed() { [ -f "$pkglibdir/citus.so" ] && [ -f "$sharedir/extension/citus.control" ]; }

# 2. Installed already (an earlier run, or by hand).
if installed; then
  say "$(grep -h default_version "$sharedir/extension/citus.control" | tr -d "'") in $pkglibdir (nothing to do)"
  exit 0
fi

# 3. and 4. From the cache, built first when the cache has none.
if [ ! -f "$cache$pkglibdir/citus.so" ]; then
  tarball="$source_dir/citus-$VERSION.tar.gz"
  patch_file="$source_dir/pg15-have_createdb_privilege.patch"
  if [ ! -f "$tarball" ] || [ ! -f "$patch_file" ]; then
    echo "citus: no $tarball (or its patch): set CITUS_SOURCE_DIR to the folder that holds them" >&2
    exit 1
  fi
  # What configure and make need (the list of ../shared/citus/README.md).
  apt_install_missing libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev \
    libxslt1-dev libpam0g-dev libreadline-dev autoconf flex bison make gcc
  build="$(mktemp -d)"
  partial="$cache.partial-$$"
  trap 'rm -rf "$build" "$partial"' EXIT
  say "building $VERSION for PostgreSQL $PG_MAJOR in $build (log: $build/build.log)"
  tar -xzf "$tarball" -C "$build"
  cd "$build/citus-$VERSION"
  # Debian's 15.x already declares have_createdb_privilege(), which Citus 13.2.2 defines again for PostgreSQL 15.
  patch -p1 --quiet <"$patch_file"
  if ! {
    ./configure PG_CONFIG="$pg_config" &&
      # with_llvm=no: no LLVM bitcode for JIT inlining (a second compilation of every file, half the build time);
      # the test cluster does not need it.
      make -j"$(nproc)" with_llvm=no &&
      make install with_llvm=no DESTDIR="$partial"
  } >"$build/build.log" 2>&1; then
    tail -n 30 "$build/build.log" >&2
    echo "citus: the build failed (the end of its log is above)" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$cache")"
  rm -rf "$cache"
  mv "$partial" "$cache"
  cd "$root"
fi

say "installing from $cache"
cp -a "$cache/." /
installed || {
  echo "citus: $cache did not hold citus.so for $pkglibdir" >&2
  exit 1
}
say "$(grep -h default_version "$sharedir/extension/citus.control" | tr -d "'") installed in $((SECONDS - started)) s"
