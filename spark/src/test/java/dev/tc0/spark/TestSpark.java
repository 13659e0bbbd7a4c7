package dev.tc0.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Spark sessions for tests: loopback only, no UI, few shuffle partitions. */
final class TestSpark {
    private TestSpark() {}

    static SparkConf conf(String master) {
        return new SparkConf()
                .setMaster(master)
                .setAppName("tc0-spark-test")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.sql.shuffle.partitions", "2");
    }

    static SparkSession session(String master) {
        return SparkSession.builder().config(conf(master)).getOrCreate();
    }
}
