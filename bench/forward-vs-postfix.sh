#!/usr/bin/env bash
# Forwarding throughput, masq against Postfix, in one run on one machine, and masq with its leak
# detection (SPF, DKIM, DMARC and a verdict per message) against masq without it.
#
# The same load for both: MESSAGES messages of SIZE bytes over SESSIONS concurrent SMTP sessions to
# MESSAGES distinct aliases, sent by Postfix's smtp-source and received downstream by smtp-sink.
# masq relays to the sink through MASQ_RELAY; a private Postfix instance forwards the same aliases
# with virtual_alias_maps and relayhost. Both fsync before answering 250 (masq: SQLite WAL with
# synchronous=FULL; Postfix: its queue files). The figure is end to end: from the first connection
# of smtp-source until smtp-sink has received the last message.
#
# Each server gets the load three times, to three sets of MESSAGES aliases: first just after it
# started ("cold": for masq, a JVM still compiling its hot code, which takes a large share of the CPU
# in a run this short), then twice more; the third pass ("warm") is the steady state of a server
# that has been up for a while. All three are printed. masq is compared with the fastest of
# Postfix's passes.
#
# Needs: a built jar (./mvnw -q -DskipTests package), Debian's postfix package (smtp-source, smtp-sink),
# root (Postfix's private instance and smtp-sink -u). Usage: bench/forward-vs-postfix.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-10000}
SESSIONS=${SESSIONS:-20}
SIZE=${SIZE:-4096}
DOMAIN=bench.test
INBOX=inbox@sink.test
SINK_PORT=${SINK_PORT:-30025}
MASQ_PORT=${MASQ_PORT:-30026}
POSTFIX_PORT=${POSTFIX_PORT:-30027}
HTTP_PORT=${HTTP_PORT:-30080}
DNS_PORT=${DNS_PORT:-30053}
JAR=server/target/masq.jar
. .ci/java-home.sh || { echo "needs a JDK >= 21" >&2; exit 1; }
JAVA=$JAVA_HOME/bin/java

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
command -v smtp-source >/dev/null || { echo "install Debian's postfix package first" >&2; exit 1; }

work=$(mktemp -d /tmp/masq-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/postfix/main.cf" ] && postfix -c "$work/postfix" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Wait for a TCP port to accept connections.
wait_port() { for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# Run one measured pass: start the sink, drive smtp-source at PORT (to 1LOCAL@, 2LOCAL@, ...), wait
# until the sink has everything.
measure() {
  local port=$1 label=$2 local=$3
  smtp-sink -u postfix -c -M "$MESSAGES" 127.0.0.1:"$SINK_PORT" 1000 > "$work/sink-$label.log" 2>&1 &
  local sink=$!
  pids+=("$sink")
  wait_port "$SINK_PORT"
  local start end
  start=$(date +%s.%N)
  smtp-source -c -l "$SIZE" -m "$MESSAGES" -s "$SESSIONS" -N -M bench.local \
      -f sender@vendor.test -t "$local@$DOMAIN" 127.0.0.1:"$port" > "$work/source-$label.log" 2>&1
  wait "$sink"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo "load: $MESSAGES messages of $SIZE bytes, $SESSIONS sessions, $MESSAGES distinct aliases; three passes per server"

# --- masq -------------------------------------------------------------------------------
# Sender checks ask DNS: a local responder that knows no names, since this machine has no Internet.
"$JAVA" -cp "$JAR" bench/QuietDns.java "$DNS_PORT" > "$work/dns.log" 2>&1 &
pids+=("$!")
export MASQ_DOMAINS=$DOMAIN MASQ_SMTP_PORT=$MASQ_PORT MASQ_HTTP_PORT=$HTTP_PORT \
       MASQ_SUBMISSION_PORT=$((MASQ_PORT + 100)) MASQ_RELAY=127.0.0.1:$SINK_PORT MASQ_HOSTNAME=masq.bench \
       MASQ_DELIVERY_STARTTLS=false MASQ_DNS=127.0.0.1:$DNS_PORT

# The three passes through masq on a fresh data dir; LEAK_DETECTION=true|false. Sets cold, second, warm, rss.
run_masq() {
  export MASQ_DATA_DIR="$work/masq-$1" MASQ_LEAK_DETECTION=$1
  "$JAVA" -jar "$JAR" user add "$INBOX" >/dev/null 2>&1
  for set in cold second alias; do seq 1 "$MESSAGES" | sed "s/\$/$set@$DOMAIN/"; done \
      | "$JAVA" -jar "$JAR" alias import "$INBOX" >/dev/null 2>&1
  "$JAVA" -Xmx384m -jar "$JAR" > "$work/masq-$1.log" 2>&1 &
  local masq=$!
  pids+=("$masq")
  wait_port "$MASQ_PORT"
  cold=$(measure "$MASQ_PORT" "masq-$1-cold" cold)
  second=$(measure "$MASQ_PORT" "masq-$1-second" second)
  warm=$(measure "$MASQ_PORT" "masq-$1" alias)
  rss=$(awk '/VmHWM/ {print int($2/1024)}' /proc/"$masq"/status)
  kill "$masq"; wait "$masq" 2>/dev/null || true
}
run_masq true
verdict_cold=$cold verdict_second=$second verdict_secs=$warm verdict_rss=$rss
run_masq false
plain_cold=$cold plain_second=$second plain_secs=$warm plain_rss=$rss

# --- Postfix ----------------------------------------------------------------------------
pf="$work/postfix"
mkdir -p "$pf/queue" "$pf/data"
cp /etc/postfix/master.cf "$pf/master.cf"
# chroot off for every service, smtpd on our port instead of 25
sed -i -E 's/^(smtp +inet.*)$/#\1/; s/^([a-z]+ +(unix|inet|fifo|pass) +[-yn] +[-yn] +)[-y]/\1n/' "$pf/master.cf"
echo "127.0.0.1:$POSTFIX_PORT inet n - n - - smtpd" >> "$pf/master.cf"
for set in cold second alias; do seq 1 "$MESSAGES" | sed "s/\$/$set@$DOMAIN $INBOX/"; done > "$pf/virtual"
cat > "$pf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
myhostname = postfix.bench
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
virtual_alias_domains = $DOMAIN
virtual_alias_maps = hash:$pf/virtual
relayhost = [127.0.0.1]:$SINK_PORT
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
maillog_file = $pf/maillog
maillog_file_prefixes = $pf
smtp_tls_security_level = none
alias_maps =
alias_database =
CF
postmap "$pf/virtual"
chown -R postfix "$pf/queue" "$pf/data"
postfix -c "$pf" check
postfix -c "$pf" start >/dev/null 2>&1
wait_port "$POSTFIX_PORT"
postfix_cold=$(measure "$POSTFIX_PORT" postfix-cold cold)
postfix_second=$(measure "$POSTFIX_PORT" postfix-second second)
postfix_secs=$(measure "$POSTFIX_PORT" postfix alias)
postfix -c "$pf" stop >/dev/null 2>&1 || true

rate() { echo "$MESSAGES / $1" | bc -l; }
ratio() { echo "$1 / $2" | bc -l; }
printf '\n%-26s %11s %11s %11s %10s\n' "" "cold msg/s" "2nd msg/s" "warm msg/s" "RSS (MB)"
row() { printf '%-26s %11.0f %11.0f %11.0f %10s\n' "$1" "$(rate "$2")" "$(rate "$3")" "$(rate "$4")" "$5"; }
row "masq, leak detection on" "$verdict_cold" "$verdict_second" "$verdict_secs" "$verdict_rss"
row "masq, leak detection off" "$plain_cold" "$plain_second" "$plain_secs" "$plain_rss"
row "postfix" "$postfix_cold" "$postfix_second" "$postfix_secs" ""
postfix_best=$(printf '%s\n' "$postfix_cold" "$postfix_second" "$postfix_secs" | sort -g | head -1)
printf 'masq (detection on) / postfix (its fastest pass): warm %.2f, cold %.2f   (target >= 2.0)\n' \
    "$(ratio "$postfix_best" "$verdict_secs")" "$(ratio "$postfix_best" "$verdict_cold")"
printf 'detection on / off:                               warm %.2f, cold %.2f   (target >= 0.90)\n' \
    "$(ratio "$plain_secs" "$verdict_secs")" "$(ratio "$plain_cold" "$verdict_cold")"
printf 'masq peak RSS:                                    %s MB (target <= 512)\n' "$(( verdict_rss > plain_rss ? verdict_rss : plain_rss ))"
