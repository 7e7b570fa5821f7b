# Sourced by .ci/run: a throwaway PostgreSQL cluster on 127.0.0.1 for the tests that need a real server.
# Installs Debian's postgresql package when missing, starts a cluster on a free port (as the postgres user when
# running as root: initdb refuses root), creates a database, exports PRIVRAG_TEST_POSTGRES_URL and stops the
# cluster at exit. Set PRIVRAG_TEST_POSTGRES_URL beforehand to use an existing server instead.

ci_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

ci_pg_start() {
  if [ -n "${PRIVRAG_TEST_POSTGRES_URL:-}" ]; then
    echo "using the PostgreSQL server given in PRIVRAG_TEST_POSTGRES_URL" >&2
    return 0
  fi
  local bin
  if ! bin="$(ci_pg_bin)"; then
    echo "installing postgresql for the database tests (apt-get)" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y postgresql
    bin="$(ci_pg_bin)"
  fi
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  CI_PG_DIR="$(mktemp -d /tmp/privrag-ci-pg.XXXXXX)"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$CI_PG_DIR"
    run=(runuser -u postgres --)
  fi
  CI_PG_RUN=("${run[@]}")
  CI_PG_CTL="$bin/pg_ctl"
  "${run[@]}" "$bin/initdb" -D "$CI_PG_DIR/data" -U privrag --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$CI_PG_DIR/data" -l "$CI_PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $CI_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  trap ci_pg_stop EXIT
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U privrag privrag_test
  export PRIVRAG_TEST_POSTGRES_URL="postgresql+psycopg://privrag@127.0.0.1:$port/privrag_test"
  echo "PostgreSQL test cluster: $PRIVRAG_TEST_POSTGRES_URL" >&2
}

ci_pg_stop() {
  if [ -n "${CI_PG_DIR:-}" ] && [ -d "$CI_PG_DIR" ]; then
    "${CI_PG_RUN[@]}" "$CI_PG_CTL" -D "$CI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$CI_PG_DIR"
  fi
}
