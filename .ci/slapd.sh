# Sourced by .ci/run: a throwaway OpenLDAP server (Debian's slapd) on 127.0.0.1 for the directory tests.
# Installs slapd and ldap-utils when missing, starts a server with an empty base dc=privrag,dc=test in a temp
# dir (tests/ldap_server.py writes the config: memberOf overlay, an admin for the tests), exports
# PRIVRAG_TEST_LDAP_URL and stops the server at exit. Each test loads its own tree (tests/fixtures/ldap/tree.ldif:
# users in the groups hr and eng, a disabled one, one whose password a test changes) under a fresh OU.
# Set PRIVRAG_TEST_LDAP_URL (and PRIVRAG_TEST_LDAP_ADMIN_DN/_PASSWORD) beforehand to use an existing server.

ci_slapd_start() {
  if [ -n "${PRIVRAG_TEST_LDAP_URL:-}" ]; then
    echo "using the LDAP server given in PRIVRAG_TEST_LDAP_URL" >&2
    return 0
  fi
  local have_slapd=0
  if command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ]; then have_slapd=1; fi
  if [ "$have_slapd" -eq 0 ] || ! command -v ldapadd >/dev/null 2>&1; then
    echo "installing slapd and ldap-utils for the directory tests (apt-get)" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    # noninteractive: the package's own debconf set-up is not used (the tests run their own config)
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y slapd ldap-utils
  fi
  CI_SLAPD_DIR="$(mktemp -d /tmp/privrag-ci-slapd.XXXXXX)"
  PRIVRAG_TEST_LDAP_URL="$(python3 tests/ldap_server.py start "$CI_SLAPD_DIR")"
  export PRIVRAG_TEST_LDAP_URL
  echo "LDAP test server: $PRIVRAG_TEST_LDAP_URL" >&2
}

ci_slapd_stop() {
  if [ -n "${CI_SLAPD_DIR:-}" ] && [ -d "$CI_SLAPD_DIR" ]; then
    python3 tests/ldap_server.py stop "$CI_SLAPD_DIR" || true
    rm -rf "$CI_SLAPD_DIR"
  fi
}
