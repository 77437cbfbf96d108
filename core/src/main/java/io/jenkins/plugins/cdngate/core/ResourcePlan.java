package io.jenkins.plugins.cdngate.core;

/**
 * One resource plan as DescribeCdnUserResourcePackage returns it, with every documented field kept
 * as text, plus how the gate read it. {@code remaining}/{@code total} are null when the capacity was
 * absent or malformed (then {@code note} says why); {@code unit} says what the numbers count;
 * {@code counted} says whether the plan counted toward the quota, {@code note} why not.
 */
public record ResourcePlan(
        String instanceId,
        String commodityCode,
        String displayName,
        String templateName,
        String status,
        String startTime,
        String endTime,
        String currCapacity,
        String initCapacity,
        Unit unit,
        Long remaining,
        Long total,
        boolean counted,
        String note) {

    /** What a plan's capacity counts. */
    public enum Unit { BYTES, REQUESTS, UNKNOWN }
}
