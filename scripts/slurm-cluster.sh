#!/usr/bin/env bash
# Brings up (and down) a ONE-NODE Slurm cluster on this machine from Debian's packages, to test
# dataprep's job arrays on a real Slurm (issue 16, point 6). Needs root; needs no systemd (the
# daemons are started directly).
#
#   scripts/slurm-cluster.sh start  [STATE_DIR]   # install what is missing, start, wait for the node
#   scripts/slurm-cluster.sh status [STATE_DIR]   # sinfo + squeue; exit 0 when our daemons run, 3 if not
#   scripts/slurm-cluster.sh stop   [STATE_DIR]   # cancel jobs, stop only the daemons `start` started
#
# STATE_DIR (default /tmp/dataprep-slurm) holds slurm.conf, the daemons' state, logs and pid files,
# and env.sh. Clients find the cluster through SLURM_CONF:
#
#   eval "$(scripts/slurm-cluster.sh start)"      # or: . /tmp/dataprep-slurm/env.sh
#   sbatch --parsable --array=0-6 --wrap 'echo $SLURM_ARRAY_TASK_ID'
#
# `start` prints only `export SLURM_CONF=...` on stdout (progress goes to stderr), so it can be
# eval'ed. It is idempotent: when the daemons recorded in STATE_DIR still run, it starts nothing.
# `stop` kills only the processes whose pids `start` recorded in STATE_DIR/started/ (munged only if
# `start` launched it), then waits for them to exit.
#
# Environment (optional): SLURM_CLUSTER_CTLD_PORT (6817), SLURM_CLUSTER_SLURMD_PORT (6818),
# SLURM_CLUSTER_TIMEOUT (seconds to wait for the node to be idle, 60).
#
# What a task of `sbatch --array=MIN-MAX` sees (checked by scripts/check-slurm-cluster.sh):
# SLURM_ARRAY_JOB_ID (the array's id, %A), SLURM_ARRAY_TASK_ID (%a), SLURM_ARRAY_TASK_MIN, _MAX,
# _COUNT, _STEP, SLURM_JOB_ID (the task's own id, %j; differs from %A except for one task),
# SLURM_CPUS_ON_NODE=1 (one CPU per task here), SLURM_SUBMIT_DIR, SLURM_CONF, SLURM_CLUSTER_NAME;
# SLURM_RESTART_COUNT only after a requeue. The working directory is the submit directory (or
# --chdir); relative --output paths are relative to it; default output slurm-%A_%a.out (arrays) or
# slurm-%j.out. The submitter's environment is passed (--export=ALL) unless --export=NONE.
# With a step (--array=1-7:2) or a list (--array=0,3,5), TASK_ID - TASK_MIN is NOT in 0..COUNT-1.
#
# Pitfalls of Slurm 22.05 (Debian 12) met here, and how this script handles them:
# - The packages' postinst cannot start anything without systemd ("policy-rc.d denied execution"):
#   harmless; we start munged, slurmctld and slurmd ourselves.
# - Debian's munge package creates /etc/munge/munge.key (0600) at install, but /run/munge (the
#   socket and pid directory, a systemd RuntimeDirectory) does not exist without systemd: we create
#   it (owner munge, 0755). munged runs as user munge (runuser), like the systemd unit: as root it
#   would need to own the key, /var/lib/munge and /var/log/munge.
# - SlurmUser=root and SlurmdUser=root: no need for the `slurm` user (Debian creates one anyway)
#   or for chown'ing the state directories.
# - No cgroups: with proctrack/linuxproc, task/none and jobacct_gather/none, slurmd 22.05 starts
#   and runs jobs without any cgroup.conf. An empty plugstack.conf sits next to slurm.conf (the
#   SPANK config is looked up in the directory of SLURM_CONF; empty = no plugins).
# - Hostname resolution: the node and the controller are addressed as 127.0.0.1 (NodeAddr and
#   SlurmctldHost=name(addr)), so `hostname -s` need not resolve (it must still be the node name:
#   slurmd finds its NodeName by the short hostname).
# - The daemons log "error: ... mpi/pmix ... can not load PMIx library" (the pmix plugins are loaded
#   even with MpiDefault=none; libpmix is a Recommends we do not install): harmless for batch jobs.
# - RealMemory above the memory slurmd detects drains the node ("Low RealMemory"): we declare 90 %.
# - Once an afterok dependency failed it stays failed: requeueing the failed task (scontrol requeue,
#   which also waits AuthInfo cred_expire, 120 s, before restarting it) does not revive dependents,
#   nor does `scontrol update Dependency=`; resubmit the chain instead.
# - Without accounting, `sacct` fails; finished jobs stay visible to `scontrol show job` for
#   MinJobAge seconds (set to 3600), which scripts/slurm-wait.sh uses.
# - A job whose afterok dependency failed stays PENDING forever (Reason=DependencyNeverSatisfied)
#   unless DependencyParameters=kill_invalid_depend, which we set: such jobs are cancelled.
# - slurmctld keeps jobs (and the next job id) across restarts in StateSaveLocation; `start` empties
#   it and passes -c (clear state), so every start is a fresh cluster whose job ids start at 1.
# - The main scheduler runs on events but batch jobs wait up to batch_sched_delay (3 s by default)
#   between passes: we set 0, so an array's next wave or a dependent job starts about 1 s after the
#   previous one ends. The first pass after slurmctld starts still comes ~3 s later.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|status [STATE_DIR]" >&2
  exit 2
}
[ $# -ge 1 ] && [ $# -le 2 ] || usage
ACTION=$1
STATE=${2:-/tmp/dataprep-slurm}
CTLD_PORT=${SLURM_CLUSTER_CTLD_PORT:-6817}
SLURMD_PORT=${SLURM_CLUSTER_SLURMD_PORT:-6818}
TIMEOUT=${SLURM_CLUSTER_TIMEOUT:-60}
CONF=$STATE/slurm.conf
STARTED=$STATE/started
MUNGE_KEY=/etc/munge/munge.key
MUNGE_RUN=/run/munge

log() { echo "slurm-cluster: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the pid recorded in STARTED/NAME when that process still runs the program NAME.
live_pid() { # name
  local file=$STARTED/$1 pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  [ -d "/proc/$pid" ] || return 1
  case "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" in
    */"$1"|*/"$1"-wlm) echo "$pid" ;;
    *) return 1 ;;
  esac
}

munge_works() { munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; }

install_missing() {
  local missing=0 bin
  for bin in slurmctld slurmd sinfo sbatch munged munge; do
    command -v "$bin" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin command -v "$bin" >/dev/null 2>&1 || missing=1
  done
  [ "$missing" = 1 ] || return 0
  [ "$(id -u)" = 0 ] || die "Slurm or munge is not installed and we are not root to install it"
  log "installing slurmctld slurmd slurm-client munge"
  local pkgs=(slurmctld slurmd slurm-client munge)
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${pkgs[@]}" >&2; then
    log "apt-get install failed; running apt-get update and retrying"
    apt-get update >&2
    apt-get install -y --no-install-recommends "${pkgs[@]}" >&2
  fi
}

start_munge() {
  if munge_works; then
    log "munged already running"
    return 0
  fi
  if [ ! -s "$MUNGE_KEY" ]; then
    log "creating $MUNGE_KEY"
    mkdir -p "$(dirname "$MUNGE_KEY")"
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile="$MUNGE_KEY" --force
    else
      dd if=/dev/urandom of="$MUNGE_KEY" bs=1024 count=1 status=none
    fi
  fi
  chown munge:munge "$MUNGE_KEY"
  chmod 0400 "$MUNGE_KEY"
  mkdir -p "$MUNGE_RUN" /var/lib/munge /var/log/munge
  chown munge:munge "$MUNGE_RUN" /var/lib/munge /var/log/munge
  chmod 0755 "$MUNGE_RUN"
  rm -f "$MUNGE_RUN/munged.pid"
  log "starting munged"
  runuser -u munge -- munged </dev/null >/dev/null 2>&1 \
    || die "munged did not start: $(tail -5 /var/log/munge/munged.log 2>/dev/null)"
  local i
  for i in $(seq 50); do
    munge_works && [ -s "$MUNGE_RUN/munged.pid" ] && break
    sleep 0.1
  done
  munge_works || die "munged started but munge -n | unmunge fails: $(tail -5 /var/log/munge/munged.log 2>/dev/null)"
  cp "$MUNGE_RUN/munged.pid" "$STARTED/munged"
}

write_conf() {
  local host cpus mem_kb mem_mb
  host=$(hostname -s)
  cpus=$(nproc --all)
  mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
  mem_mb=$((mem_kb * 9 / 10 / 1024))
  mkdir -p "$STATE/ctld" "$STATE/slurmd"
  cat >"$CONF.tmp" <<EOF
# Written by scripts/slurm-cluster.sh: a one-node test cluster, no cgroups, no accounting.
ClusterName=dataprep
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/slurmd
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
DependencyParameters=kill_invalid_depend
ReturnToService=2
MaxArraySize=10001
MaxJobCount=100000
MinJobAge=3600
KillWait=5
SlurmctldTimeout=30
SlurmdTimeout=60
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$CONF.tmp" "$CONF"
  : >"$STATE/plugstack.conf"
  printf 'export SLURM_CONF=%s\n' "$CONF" >"$STATE/env.sh"
}

print_logs() {
  local f
  for f in "$STATE/slurmctld.log" "$STATE/slurmd.log"; do
    [ -f "$f" ] || continue
    echo "---- $f (last 30 lines)" >&2
    tail -30 "$f" >&2
  done
}

# Starts one Slurm daemon (it forks into the background and writes its pid file) and records its pid.
start_daemon() { # name args...
  local name=$1 pidfile=$STATE/$1.pid i
  shift
  if live_pid "$name" >/dev/null; then
    log "$name already running (pid $(live_pid "$name"))"
    return 0
  fi
  local port=$CTLD_PORT var=SLURM_CLUSTER_CTLD_PORT
  [ "$name" = slurmd ] && port=$SLURMD_PORT var=SLURM_CLUSTER_SLURMD_PORT
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use (another $name? see its STATE_DIR, or set $var)"
  fi
  rm -f "$pidfile"
  log "starting $name"
  if ! "$name" -f "$CONF" "$@" </dev/null >>"$STATE/$name.out" 2>&1; then
    cat "$STATE/$name.out" >&2 || true
    print_logs
    die "$name did not start"
  fi
  for i in $(seq 100); do
    [ -s "$pidfile" ] && break
    sleep 0.1
  done
  [ -s "$pidfile" ] || { print_logs; die "$name wrote no pid file $pidfile"; }
  cp "$pidfile" "$STARTED/$name"
  live_pid "$name" >/dev/null || { print_logs; die "$name exited right after starting"; }
}

wait_idle() {
  local deadline=$((SECONDS + TIMEOUT)) state=""
  while [ "$SECONDS" -lt "$deadline" ]; do
    state=$(sinfo -h -N -o '%t' 2>/dev/null | head -1 || true)
    case "$state" in
      idle|mix|alloc) log "node $(hostname -s) is $state"; return 0 ;;
    esac
    sleep 0.5
  done
  sinfo -N -l >&2 || true
  print_logs
  die "node not idle after ${TIMEOUT}s (state: ${state:-unknown})"
}

do_start() {
  [ "$(id -u)" = 0 ] || die "start needs root (the daemons run as root)"
  PATH=$PATH:/usr/sbin:/sbin
  install_missing
  mkdir -p "$STATE" "$STARTED"
  STATE=$(cd "$STATE" && pwd -P)
  CONF=$STATE/slurm.conf
  STARTED=$STATE/started
  export SLURM_CONF=$CONF
  start_munge
  if live_pid slurmctld >/dev/null && live_pid slurmd >/dev/null; then
    log "cluster already running from $STATE"
  else
    # A fresh cluster every start: forget the jobs (and job ids) of a previous run.
    live_pid slurmctld >/dev/null || rm -rf "$STATE/ctld"
    live_pid slurmd >/dev/null || rm -rf "$STATE/slurmd"
    live_pid slurmctld >/dev/null || write_conf
    # -c: clear any job state left anyway.
    start_daemon slurmctld -c
    start_daemon slurmd
  fi
  wait_idle
  echo "export SLURM_CONF=$CONF"
}

# Sends SIGTERM to the recorded daemons (all at once: each takes 1-2 s to exit), waits up to 30 s
# for them to exit, then SIGKILLs what is left.
stop_daemons() { # name...
  local name pid pids=() i
  for name in "$@"; do
    if pid=$(live_pid "$name"); then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    for i in $(seq 300); do
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    if [ -d "/proc/$pid" ]; then
      log "pid $pid still running after 30 s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while [ -d "/proc/$pid" ]; do sleep 0.1; done
    fi
  done
  for name in "$@"; do rm -f "$STARTED/$name"; done
}

do_stop() {
  [ -d "$STATE" ] || { log "no state in $STATE: nothing to stop"; return 0; }
  PATH=$PATH:/usr/sbin:/sbin
  export SLURM_CONF=$CONF
  if live_pid slurmctld >/dev/null; then
    # Jobs would outlive slurmd (their slurmstepd keeps running): cancel them first.
    local jobs i
    jobs=$(squeue -h -o '%A' 2>/dev/null | sort -u | tr '\n' ' ' || true)
    if [ -n "${jobs// /}" ]; then
      log "cancelling jobs: $jobs"
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      for i in $(seq 100); do
        [ -z "$(squeue -h -o '%A' 2>/dev/null || true)" ] && break
        sleep 0.1
      done
    fi
  fi
  stop_daemons slurmd slurmctld munged
}

do_status() {
  local running=0
  export SLURM_CONF=$CONF
  PATH=$PATH:/usr/sbin:/sbin
  for name in munged slurmctld slurmd; do
    if pid=$(live_pid "$name"); then
      echo "$name: running (pid $pid, started by slurm-cluster.sh)"
    else
      echo "$name: not started by slurm-cluster.sh in $STATE"
      [ "$name" = munged ] || running=3
    fi
  done
  if [ "$running" = 0 ]; then
    echo "SLURM_CONF=$CONF"
    sinfo || true
    squeue || true
  fi
  return "$running"
}

case "$ACTION" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  *) usage ;;
esac
