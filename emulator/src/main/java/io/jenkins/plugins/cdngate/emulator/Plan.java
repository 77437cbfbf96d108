package io.jenkins.plugins.cdngate.emulator;

import java.util.Objects;

/**
 * A resource plan as DescribeCdnUserResourcePackage returns it. Every field is a string on the wire
 * (capacities included), so it is held as a string here too.
 */
public final class Plan {
    /** Commodity code of a CDN data-transfer plan (capacity in bytes). */
    public static final String DATA_TRANSFER = "cdnflowbag";
    /** Commodity code of a CDN HTTPS request plan (capacity in requests). */
    public static final String HTTPS_REQUESTS = "cdnhttpsbag";

    private final String instanceId;
    private final String commodityCode;
    private final String displayName;
    private final String templateName;
    private final String status;
    private final String startTime;
    private final String endTime;
    private final String currCapacity;
    private final String initCapacity;

    public Plan(String instanceId, String commodityCode, String displayName, String templateName, String status,
                String startTime, String endTime, String currCapacity, String initCapacity) {
        this.instanceId = instanceId;
        this.commodityCode = commodityCode;
        this.displayName = displayName;
        this.templateName = templateName;
        this.status = status;
        this.startTime = startTime;
        this.endTime = endTime;
        this.currCapacity = currCapacity;
        this.initCapacity = initCapacity;
    }

    /** A valid data-transfer plan ({@code cdnflowbag}); capacities in bytes. */
    public static Plan dataTransfer(String instanceId, String displayName, long currBytes, long initBytes,
                                    String startTime, String endTime) {
        return new Plan(instanceId, DATA_TRANSFER, displayName, "CDN data transfer plan", "valid",
                startTime, endTime, Long.toString(currBytes), Long.toString(initBytes));
    }

    /** A valid HTTPS request plan ({@code cdnhttpsbag}); capacities in requests. */
    public static Plan httpsRequests(String instanceId, String displayName, long currRequests, long initRequests,
                                     String startTime, String endTime) {
        return new Plan(instanceId, HTTPS_REQUESTS, displayName, "CDN HTTPS request plan", "valid",
                startTime, endTime, Long.toString(currRequests), Long.toString(initRequests));
    }

    /** The same plan with another status ({@code valid}, {@code closed}, {@code exhaust}). */
    public Plan withStatus(String newStatus) {
        return new Plan(instanceId, commodityCode, displayName, templateName, newStatus, startTime, endTime,
                currCapacity, initCapacity);
    }

    /** The same plan with another remaining capacity. */
    public Plan withCurrCapacity(String newCurrCapacity) {
        return new Plan(instanceId, commodityCode, displayName, templateName, status, startTime, endTime,
                newCurrCapacity, initCapacity);
    }

    public String instanceId() { return instanceId; }
    public String commodityCode() { return commodityCode; }
    public String displayName() { return displayName; }
    public String templateName() { return templateName; }
    public String status() { return status; }
    public String startTime() { return startTime; }
    public String endTime() { return endTime; }
    public String currCapacity() { return currCapacity; }
    public String initCapacity() { return initCapacity; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Plan)) return false;
        Plan p = (Plan) o;
        return Objects.equals(instanceId, p.instanceId) && Objects.equals(commodityCode, p.commodityCode)
                && Objects.equals(displayName, p.displayName) && Objects.equals(templateName, p.templateName)
                && Objects.equals(status, p.status) && Objects.equals(startTime, p.startTime)
                && Objects.equals(endTime, p.endTime) && Objects.equals(currCapacity, p.currCapacity)
                && Objects.equals(initCapacity, p.initCapacity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceId, commodityCode, status, currCapacity);
    }

    @Override
    public String toString() {
        return "Plan[" + instanceId + " " + commodityCode + " " + status + " " + currCapacity + "/" + initCapacity + "]";
    }
}
