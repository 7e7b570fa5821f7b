# Sourced by .ci/run: the Debian packages the tests need, installed in one apt-get run.
# `ci_debian_install PKG...` installs those not installed yet (one `apt-get update`, one `apt-get install`),
# as root or with sudo. postgres.sh and slapd.sh still install their own package when it is missing (when they
# are sourced on their own); after this they find it installed.

ci_debian_missing() {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      echo "$pkg"
    fi
  done
}

ci_debian_install() {
  local missing
  mapfile -t missing < <(ci_debian_missing "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  echo "installing ${missing[*]} for the tests (apt-get)" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  # noninteractive: slapd's own debconf set-up is not used (the tests run their own config)
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}
