#!/usr/bin/env bash
# bench/relay.sh (npm run bench:relay) - relay throughput of mailwarden next to Postfix on this machine.
#
#   smtp-source (C sessions, N messages of SIZE bytes) -> relay on 127.0.0.1 -> smtp-sink on 127.0.0.1
# once with mailwarden (`node dist/cli/main.js start`, durable queue as configured by default) and once with a
# private Postfix instance configured here as a relay to the same sink. Same method as the shared anchor script
# (bench/mta-anchors.sh of the project notes): a warm-up, then one measured run per system; everything it starts it
# stops again by PID, all traffic stays on loopback, ports are picked free at start.
#
# Environment (defaults): MSGS=5000 CONC=20 SIZE=4096 WARMUP=200 TIMEOUT=300 SYSTEMS="mailwarden postfix"
#   SCAN=1 (SCAN=0: one more mailwarden run with policy.enabled false, printed as "mailwarden-noscan"; the ratio
#   stays the one with scanning on)
#   MW_NODE_ARGS= (node options for the mailwarden process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it)
#   SCRATCH=${TMPDIR:-/tmp}/mw-bench-relay.$$  (configs, queues, logs; removed at the end unless KEEP=1)
# Prints per system: accepted msgs/s (smtp-source done), end-to-end msgs/s (sink has them all), peak RSS of the relay's
# whole process tree (sampled every 100 ms), its CPU time per message (user+system, the relay's live processes; Postfix's
# short-lived children that exit during the run are not counted), and last: "relay e2e ratio mailwarden/postfix = R".
# Absolute numbers depend on what else runs on the machine; compare the ratio of one run.
set -uo pipefail

SCAN=${SCAN:-1}; MSGS=${MSGS:-5000}; CONC=${CONC:-20}; SIZE=${SIZE:-4096}; WARMUP=${WARMUP:-200}; TIMEOUT=${TIMEOUT:-300}
SYSTEMS=${SYSTEMS:-mailwarden postfix}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${SCRATCH:-${TMPDIR:-/tmp}/mw-bench-relay.$$}

log() { echo "[$(date +%T)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
find_tool() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || { [ -x "/usr/lib/postfix/sbin/$1" ] && echo "/usr/lib/postfix/sbin/$1"; }; }
SMTP_SOURCE=$(find_tool smtp-source); SMTP_SINK=$(find_tool smtp-sink)
[ -n "$SMTP_SOURCE" ] && [ -n "$SMTP_SINK" ] || die "smtp-source/smtp-sink not found (apt-get install postfix)"
mkdir -p "$SCRATCH" && chmod 755 "$SCRATCH" || die "cannot create $SCRATCH"

# ------------------------------------------------------------------------------------- process handling
SINK_PID=""; MW_PID=""; PF_ETC=""; SAMPLER_PID=""
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [[ $st != Z* ]]; }
stop_pid() { # stop_pid PID [grace_seconds]: TERM, wait, then KILL
  local pid=$1 grace=${2:-10} i
  [ -n "$pid" ] && alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < grace * 10; i++)); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null; sleep 0.2
}
cleanup() {
  [ -n "$SAMPLER_PID" ] && { kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null; }
  [ -n "$MW_PID" ] && { stop_pid "$MW_PID" 20; wait "$MW_PID" 2>/dev/null; }
  [ -n "$PF_ETC" ] && postfix_stop
  [ -n "$SINK_PID" ] && { stop_pid "$SINK_PID" 5; wait "$SINK_PID" 2>/dev/null; }
  [ "${KEEP:-0}" = 1 ] || rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
wait_port() { local i; for ((i = 0; i < $2 * 10; i++)); do port_busy "$1" && return 0; sleep 0.1; done; return 1; }
now_ms() { date +%s%3N; }

tree_rss_kb() { # resident memory (kB) of ROOT and all its descendants
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { ppid[$1] = $2; rss[$1] = $3 }
    END { inset[root] = 1; ch = 1
          while (ch) { ch = 0; for (p in ppid) if (!(p in inset) && (ppid[p] in inset)) { inset[p] = 1; ch = 1 } }
          s = 0; for (p in inset) s += rss[p]; print s }'
}
tree_cpu_ms() { # user+system CPU (ms) used so far by ROOT and its live descendants, all threads included
  local pids; pids=$(ps -e -o pid=,ppid= | awk -v root="$1" '
    { ppid[$1] = $2 }
    END { inset[root] = 1; ch = 1
          while (ch) { ch = 0; for (p in ppid) if (!(p in inset) && (ppid[p] in inset)) { inset[p] = 1; ch = 1 } }
          for (p in inset) print p }')
  # shellcheck disable=SC2086
  (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null) | sed 's/.*) //' |
    awk -v hz="$(getconf CLK_TCK)" '{ t += $12 + $13 } END { printf "%.0f", t * 1000 / hz }'
}
start_sampler() { # start_sampler ROOT_PID OUT_FILE: keeps the peak tree RSS in OUT_FILE
  ( peak=0; while alive "$1"; do r=$(tree_rss_kb "$1"); [ "$r" -gt "$peak" ] && { peak=$r; echo "$peak" > "$2.tmp"; mv "$2.tmp" "$2"; }; sleep 0.1; done ) &
  SAMPLER_PID=$!
}
stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=""; }

# ----------------------------------------------------------------------------------------------- sink
SINK_OUT=$SCRATCH/sink.out
sink_start() {
  SINK_PORT=$(free_port)
  : > "$SINK_OUT"
  "$SMTP_SINK" -u nobody -c "127.0.0.1:$SINK_PORT" 1024 > "$SINK_OUT" 2>&1 &
  SINK_PID=$!
  wait_port "$SINK_PORT" 5 || die "smtp-sink did not start: $(tr '\r' '\n' < "$SINK_OUT" | tail -3)"
}
sink_count() { tail -c 200 "$SINK_OUT" | tr '\r' '\n' | grep -o 'mesg=[0-9]*' | tail -1 | cut -d= -f2 | grep . || echo 0; }
sink_stop() { stop_pid "$SINK_PID" 5; wait "$SINK_PID" 2>/dev/null; SINK_PID=""; }

# -------------------------------------------------------------------------------------- one load run
# run_load PORT MSGS -> R_ACC R_E2E (msgs/s), R_OK
run_load() {
  local port=$1 msgs=$2 base target t0 t1 t2="" rc
  base=$(sink_count); target=$((base + msgs))
  t0=$(now_ms)
  "$SMTP_SOURCE" -s "$CONC" -m "$msgs" -l "$SIZE" -f sender@bench.test -t rcpt@example.net "127.0.0.1:$port" > "$SCRATCH/source.log" 2>&1
  rc=$?; t1=$(now_ms)
  while [ "$rc" -eq 0 ]; do
    [ "$(sink_count)" -ge "$target" ] && { t2=$(now_ms); break; }
    [ $(( $(now_ms) - t0 )) -gt $((TIMEOUT * 1000)) ] && break
    sleep 0.02
  done
  R_OK=1
  [ "$rc" -ne 0 ] && { log "smtp-source: $(head -3 "$SCRATCH/source.log")"; R_OK=0; }
  [ -z "$t2" ] && { [ "$rc" -eq 0 ] && log "sink has $(( $(sink_count) - base )) of $msgs after ${TIMEOUT}s"; R_OK=0; t2=$(now_ms); }
  R_ACC=$(awk -v m="$msgs" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", m*1000/(b-a)}')
  R_E2E=$(awk -v m="$msgs" -v a="$t0" -v b="$t2" 'BEGIN{printf "%.0f", m*1000/(b-a)}')
}

declare -A E2E
measure() { # measure NAME PORT ROOT_PID
  local name=$1 port=$2 root=$3 peak cpu0 cpu1
  if [ "$WARMUP" -gt 0 ]; then run_load "$port" "$WARMUP"; [ "$R_OK" = 1 ] || { log "$name: warm-up failed"; return 1; }; fi
  echo 0 > "$SCRATCH/peak.$name"; start_sampler "$root" "$SCRATCH/peak.$name"
  cpu0=$(tree_cpu_ms "$root")
  run_load "$port" "$MSGS"
  cpu1=$(tree_cpu_ms "$root")
  stop_sampler
  peak=$(awk '{printf "%.0f", $1/1024}' "$SCRATCH/peak.$name")
  [ "$R_OK" = 1 ] || { echo "$name FAILED (see log above)"; return 1; }
  E2E[$name]=$R_E2E
  printf '%-10s msgs=%s conc=%s size=%s accepted_msgs_per_s=%s e2e_msgs_per_s=%s peak_rss_mb=%s cpu_ms_per_msg=%s\n' "$name" "$MSGS" "$CONC" "$SIZE" "$R_ACC" "$R_E2E" "$peak" \
    "$(awk -v a="$cpu0" -v b="$cpu1" -v m="$MSGS" 'BEGIN{printf "%.2f", (b-a)/m}')"
}

# ----------------------------------------------------------------------------------------- mailwarden
mailwarden_run() { # mailwarden_run NAME SCANNING(true|false)
  local name=$1 scanning=$2
  [ -f "$ROOT/dist/cli/main.js" ] || die "not built (npm run build)"
  local dir=$SCRATCH/$name port
  mkdir -p "$dir"; port=$(free_port)
  cat > "$dir/mailwarden.yaml" <<YAML
hostname: relay.bench.test
dataDir: $dir/data
log: { level: warn, file: $dir/mailwarden.log }
# One client address sends everything, as a hosting server does; Postfix exempts mynetworks from its per-client
# limits (smtpd_client_event_limit_exceptions), so the per-address connection cap is raised to match.
limits: { maxConnectionsPerIp: 1000 }
listeners:
  submission: { enabled: false }
  smtps: { enabled: false }
  relay: { port: $port }
admin: { port: 0 }
# Scanning stays on (content rules, model and behaviour counters run for every message: that cost is measured), but
# smtp-source's load is one brand-new identity sending one identical text thousands of times, which the policy would
# rightly defer and then suspend. The bench identity's and its login's thresholds are set out of reach so every
# message is delivered.
content: { thresholds: { tag: 1000, quarantine: 1000, reject: 1000 } }
policy:
  enabled: $scanning
  accounts:
    local: { tagScore: 1000, quarantineScore: 1000, suspendScore: 1000, newIdentityPerHour: 100000000, maxPerHour: 0,
             loginNewPerHour: 100000000, loginMaxPerHour: 0 }
delivery:
  routes: { "*": "127.0.0.1:$SINK_PORT" }
YAML
  # shellcheck disable=SC2086 # MW_NODE_ARGS is a list of node options (e.g. "--cpu-prof --cpu-prof-dir=DIR")
  node ${MW_NODE_ARGS:-} "$ROOT/dist/cli/main.js" --config "$dir/mailwarden.yaml" start > "$dir/stdout.log" 2>&1 &
  MW_PID=$!
  wait_port "$port" 20 || die "mailwarden does not listen on $port: $(tail -5 "$dir/stdout.log")"
  log "mailwarden: 127.0.0.1:$port -> 127.0.0.1:$SINK_PORT (queue $dir/data)"
  measure "$name" "$port" "$MW_PID"
  stop_pid "$MW_PID" 30; wait "$MW_PID" 2>/dev/null; MW_PID=""
}

# -------------------------------------------------------------------------------------------- Postfix
# A private instance, the settings of the shared anchor script: relay-only, no DNS, same sink as next hop.
postfix_run() {
  command -v postfix >/dev/null || { echo "postfix SKIPPED (not installed)"; return 1; }
  local dir=$SCRATCH/postfix port
  port=$(free_port)
  mkdir -p "$dir/etc" "$dir/spool" "$dir/data"; chown postfix:postfix "$dir/data"
  cat > "$dir/etc/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $dir/spool
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = relay.bench.test
mydomain = bench.test
myorigin = \$myhostname
mydestination =
local_recipient_maps =
local_transport = error:local delivery disabled
alias_maps =
alias_database =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
relayhost = [127.0.0.1]:$SINK_PORT
smtp_dns_support_level = disabled
smtp_host_lookup = native
default_destination_concurrency_limit = 50
default_process_limit = 100
smtp_tls_security_level = none
smtpd_tls_security_level = none
maillog_file = $dir/maillog
maillog_file_prefixes = $SCRATCH
biff = no
CF
  cat > "$dir/etc/master.cf" <<CF
127.0.0.1:$port inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CF
  PF_ETC=$dir/etc
  postfix -c "$PF_ETC" start >> "$dir/start.log" 2>&1 || { PF_ETC=""; die "postfix start failed: $(tail -3 "$dir/maillog" 2>/dev/null)"; }
  wait_port "$port" 15 || die "postfix does not listen on $port"
  log "postfix $(postconf -d -h mail_version 2>/dev/null): 127.0.0.1:$port -> 127.0.0.1:$SINK_PORT"
  measure postfix "$port" "$(tr -d ' ' < "$dir/spool/pid/master.pid")"
  postfix_stop
}
postfix_stop() {
  local pid; pid=$(tr -d ' ' < "${PF_ETC%/etc}/spool/pid/master.pid" 2>/dev/null)
  postsuper -c "$PF_ETC" -d ALL >/dev/null 2>&1
  postfix -c "$PF_ETC" stop >/dev/null 2>&1
  [ -n "$pid" ] && stop_pid "$pid" 10
  PF_ETC=""
}

# ----------------------------------------------------------------------------------------------- main
log "MSGS=$MSGS CONC=$CONC SIZE=$SIZE WARMUP=$WARMUP systems: $SYSTEMS ($(nproc) cores)"
for sys in $SYSTEMS; do
  sink_start
  case $sys in
    mailwarden)
      mailwarden_run mailwarden true
      if [ "$SCAN" = 0 ]; then sink_stop; sink_start; mailwarden_run mailwarden-noscan false; fi ;;
    postfix) postfix_run ;;
    *) log "unknown system $sys" ;;
  esac
  sink_stop
done
if [ -n "${E2E[mailwarden]:-}" ] && [ -n "${E2E[postfix]:-}" ]; then
  echo "relay e2e ratio mailwarden/postfix = $(awk -v a="${E2E[mailwarden]}" -v b="${E2E[postfix]}" 'BEGIN{printf "%.2f", a/b}')"
else
  echo "relay e2e ratio mailwarden/postfix = n/a"
fi
