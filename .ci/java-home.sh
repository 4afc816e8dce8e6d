# Sourced by .ci/run and the benchmarks: sets JAVA_HOME to a JDK >= 21 (keeping one that already is),
# else the newest under /usr/lib/jvm; prints nothing and returns 1 when there is none.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ]; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ]; then JAVA_HOME="$candidate"; fi
  done
fi
[ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] && export JAVA_HOME
