#!/usr/bin/env bash
# Runs the Spark audit under spark-submit against a standalone Master and Worker on this machine, with
# executors in JVMs of their own that the Worker launches, as on a cluster: the check that the README's
# spark-submit line works. Spark comes as a distribution would bring it (SPARK_HOME/jars, assembled once
# from Maven Central by spark/standalone/pom.xml with Spark's own dependency versions), never from
# Vigil's class path.
#   spark/standalone/local-cluster.sh [--partitions N] AUDIT-OPTIONS      (--model and --out required)
# Environment: VIGIL_EXECUTORS (2), VIGIL_EXECUTOR_MEMORY (2g), VIGIL_SPARK_HOME (spark/standalone/
# target/spark-home), VIGIL_SPARK_PORT (7077), DJL_CACHE_DIR (~/.djl.ai); VIGIL_COMPARE=1 then runs
# `java -jar cli/target/vigil.jar audit` with the same options into OUT.single and compares the two
# (compare-results.py: identical or different; exit 1 when different).
# Exit code: the audit's. Logs of the Master, the Worker and each executor stay in $VIGIL_SPARK_HOME/logs
# and $VIGIL_SPARK_HOME/work.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
executors="${VIGIL_EXECUTORS:-2}"
executor_memory="${VIGIL_EXECUTOR_MEMORY:-2g}"
port="${VIGIL_SPARK_PORT:-7077}"
home="${VIGIL_SPARK_HOME:-$root/spark/standalone/target/spark-home}"
djl_cache="${DJL_CACHE_DIR:-$HOME/.djl.ai}"

fail() { echo "local-cluster: $*" >&2; exit 2; }

model="" out=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --model) model="${args[i + 1]:-}" ;;
    --model=*) model="${args[i]#--model=}" ;;
    --out) out="${args[i + 1]:-}" ;;
    --out=*) out="${args[i]#--out=}" ;;
  esac
done
[ -n "$model" ] || fail "give the audit's options, with --model FILE (it travels to the executors with --files)."
[ -f "$model" ] || fail "the model '$model' is not a file."
[ -n "$out" ] || fail "give --out FOLDER, where the driver writes the report."
[[ "$executors" =~ ^[1-9][0-9]*$ ]] || fail "VIGIL_EXECUTORS must be a whole number of at least 1, not '$executors'."

# The reactor's Spark build: the distribution must be the one the module compiles against.
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/spark/pom.xml" | head -1)"
scala_binary="$(sed -n 's:.*<scala.binary>\(.*\)</scala.binary>.*:\1:p' "$root/spark/pom.xml" | head -1)"
jar="$root/spark/target/vigil-spark-0.1.0.jar"
if [ ! -f "$jar" ] || [ ! -d "$root/spark/target/lib" ]; then
  echo "local-cluster: building Vigil (mvn -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi

release="Spark $spark_version (Scala $scala_binary), spark-core and spark-sql with their dependencies from Maven Central"
if [ ! -f "$home/RELEASE" ] || [ "$(cat "$home/RELEASE")" != "$release" ]; then
  echo "local-cluster: assembling $home/jars (Spark $spark_version from Maven Central)..." >&2
  started=$SECONDS
  rm -rf "$home/jars"
  mvn -B -q -f "$root/spark/standalone/pom.xml" dependency:copy-dependencies \
    -Dspark.version="$spark_version" -Dscala.binary="$scala_binary" -Dspark.home="$home" >&2
  mkdir -p "$home/conf"
  cp "$root/spark/src/main/resources/log4j2.properties" "$home/conf/log4j2.properties"
  echo "$release" > "$home/RELEASE"
  echo "local-cluster: $(ls "$home/jars" | wc -l) jars, $(du -sh "$home/jars" | cut -f1), in $((SECONDS - started)) s" >&2
fi

# What bin/spark-class does: Spark's launcher prints the JVM command (class path SPARK_HOME/jars/* and
# conf/, the Java 17 module flags for spark-submit's driver, --driver-memory) after a start mark
# ("\0\n"; anything before it is the launcher's own message), each word ended by a NUL.
export SPARK_HOME="$home" SPARK_SCALA_VERSION="$scala_binary" SPARK_LOCAL_IP=127.0.0.1
command=()
spark_class() {
  local word
  command=()
  {
    IFS= read -r -d '' word || true
    [ -z "$word" ] || echo "$word" >&2
    IFS= read -r -n 1 word || true
    while IFS= read -r -d '' word; do command+=("$word"); done
  } < <(java -Xmx128m -cp "$home/jars/*" org.apache.spark.launcher.Main "$@")
  [ ${#command[@]} -gt 0 ] || fail "Spark's launcher gave no command for $1."
}

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  fail "port $port is taken (another Spark master?); set VIGIL_SPARK_PORT."
fi
run_id="$(date +%Y%m%d-%H%M%S)"
logs="$home/logs/$run_id"
work="$home/work/$run_id"
mkdir -p "$logs" "$work"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

await() { # log-file text seconds what
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "$4 did not start in $3 s; see $1."
    sleep 0.5
  done
}
master_url="spark://127.0.0.1:$port"
# Standalone daemons log at INFO (their start and the executors they launch are the evidence here).
sed 's/^rootLogger.level = warn/rootLogger.level = info/' "$home/conf/log4j2.properties" > "$home/conf/daemon-log4j2.properties"
daemon_opts="-Dlog4j2.configurationFile=$home/conf/daemon-log4j2.properties"
SPARK_DAEMON_JAVA_OPTS="$daemon_opts" spark_class org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0
"${command[@]}" > "$logs/master.log" 2>&1 &
pids+=($!)
await "$logs/master.log" "I have been elected leader" 60 "The Master"
worker_memory_mb=$(( executors * $(numfmt --from=iec "${executor_memory^^}") / 1048576 + 512 ))
SPARK_DAEMON_JAVA_OPTS="$daemon_opts" spark_class org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$executors" \
  --memory "${worker_memory_mb}m" --work-dir "$work" --webui-port 0 "$master_url"
"${command[@]}" > "$logs/worker.log" 2>&1 &
worker=$!
pids+=($worker)
await "$logs/worker.log" "Successfully registered with master" 60 "The Worker"
echo "local-cluster: Master and Worker up at $master_url ($executors executors of 1 core, $executor_memory)" >&2

# The executors are the Worker's child JVMs: note each one's pid and peak resident memory while it runs.
(
  while kill -0 "$worker" 2>/dev/null; do
    ps -o pid=,rss=,comm= --ppid "$worker" | awk '$3 == "java" {print $1, $2}' || true # ps fails while there are none
    sleep 1
  done
) > "$logs/executor-samples.txt" 2>/dev/null &
pids+=($!)

started=$SECONDS
code=0
# The README's spark-submit line, plus this one-machine cluster's sizes.
spark_class org.apache.spark.deploy.SparkSubmit --class dev.vigil.spark.SparkAudit --master "$master_url" \
  --jars "$(ls "$root"/spark/target/lib/*.jar | paste -sd, -)" \
  --conf spark.executor.extraJavaOptions="-Dai.djl.offline=true" \
  --conf spark.executorEnv.DJL_CACHE_DIR="$djl_cache" --executor-memory "$executor_memory" \
  --conf spark.executor.cores=1 --conf spark.cores.max="$executors" \
  --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
  --files "$model" \
  "$jar" "$@"
"${command[@]}" || code=$?
seconds=$((SECONDS - started))

launched="$(grep -c "Asked to launch executor" "$logs/worker.log" || true)"
echo "local-cluster: spark-submit exited $code after $seconds s; the Worker launched $launched executor JVM(s):" >&2
sort -k1,1n -k2,2nr "$logs/executor-samples.txt" | awk '!seen[$1]++ {printf "  pid %s, peak RSS %d MB\n", $1, $2 / 1024}' >&2
for dir in "$work"/app-*/*/; do
  [ -d "$dir" ] || continue
  echo "  log: ${dir}stderr" >&2
  rm -f "$dir"*.jar # each executor's copy of the --jars (about 250 MB)
done
echo "local-cluster: outputs in $out; logs in $logs" >&2
stop
trap - EXIT

if [ "${VIGIL_COMPARE:-0}" = 1 ] && [ "$code" -le 1 ]; then
  single=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --partitions | --out) i=$((i + 1)) ;;
      --partitions=* | --out=*) ;;
      *) single+=("${args[i]}") ;;
    esac
  done
  echo "local-cluster: the single-machine audit into $out.single..." >&2
  started=$SECONDS
  single_code=0
  java -jar "$root/cli/target/vigil.jar" audit "${single[@]}" --out "$out.single" || single_code=$?
  echo "local-cluster: vigil audit exited $single_code after $((SECONDS - started)) s" >&2
  python3 "$root/spark/standalone/compare-results.py" "$out.single" "$out" || exit 1
fi
exit "$code"
