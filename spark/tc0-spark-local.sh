#!/usr/bin/env bash
# Runs dev.tc0.spark.SparkEval in Spark local mode on this machine without a Spark installation:
# builds tc0-spark.jar, puts Spark 4.2.0 from the local Maven repository beside it on the class
# path (the jars spark-submit would provide), and starts the driver JVM with the flags Spark's
# launcher would add. Usage: spark/tc0-spark-local.sh eval CIRCUIT --random 2^24 --counts --master 'local[2]'
# Extra JVM options (heap size, system properties such as -Dspark.task.cpus=2): TC0_SPARK_JAVA_OPTS.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="$here/target/tc0-spark.jar"
cp_file="$here/target/spark-classpath.txt"
opens_file="$here/target/spark-jvm-opens.txt"

mvn_q() { (cd "$root" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B -ntp -q "$@"); }

if [[ ! -f "$jar" || -n "$(find "$root/evaluator/src/main" "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "tc0-spark: building (mvn -pl spark -am package -DskipTests) ..." >&2
    mvn_q -pl spark -am package -DskipTests >&2
fi
if [[ ! -f "$cp_file" || "$here/pom.xml" -nt "$cp_file" ]]; then
    mvn_q -pl spark -am dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cp_file" >&2
    # the --add-opens list lives in the pom (spark.jvm.opens); read it from there
    mvn_q -pl spark help:evaluate -Dexpression=spark.jvm.opens -DforceStdout | sed -e 's/\x1b\[[0-9;]*m//g' > "$opens_file"
fi

# shellcheck disable=SC2046,SC2086
exec "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED $(cat "$opens_file") ${TC0_SPARK_JAVA_OPTS:-} \
    -Dlog4j2.configurationFile="$here/log4j2-local.properties" -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Dspark.ui.enabled=false \
    -cp "$jar:$(cat "$cp_file")" dev.tc0.spark.SparkEval "$@"
