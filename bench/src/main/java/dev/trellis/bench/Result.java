package dev.trellis.bench;

/**
 * One measured line: throughput and latency quantiles, plus the errors seen.
 *
 * @param name what was measured
 * @param perSecond completed operations per second
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param errors operations that failed
 */
record Result(String name, double perSecond, double p50Micros, double p99Micros, int errors) {}
