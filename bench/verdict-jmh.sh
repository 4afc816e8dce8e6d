#!/usr/bin/env bash
# JMH: the verdict on one message without DNS (header From parsed from the raw message, then
# VerdictClassifier.classify against a vendor binding), per kind of sender. Prints ns/op per case.
#
# Builds the jar if it is missing, then the benchmarks in bench/jmh (a Maven project of its own, not
# a module of the root pom, so the tests never build it). Arguments go to JMH, e.g. `-f 2 -i 5`.
# Usage: bench/verdict-jmh.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/java-home.sh || { echo "needs a JDK >= 21" >&2; exit 1; }

[ -f server/target/masq.jar ] || ./mvnw -q -DskipTests package
./mvnw -q -f bench/jmh/pom.xml package
exec "$JAVA_HOME/bin/java" -cp "bench/jmh/target/classes:bench/jmh/target/lib/*:server/target/masq.jar" \
  org.openjdk.jmh.Main VerdictBench "$@"
