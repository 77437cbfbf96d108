package io.jenkins.plugins.cdngate.core;

import java.util.List;

/**
 * Every field DescribeCdnService documents. Absent fields are null; {@code operationLocks}
 * is never null (empty when there are none, and empty when the answer had no OperationLocks field: then
 * {@code locksKnown} is false and nothing can be said about locks).
 */
public record ServiceStatus(
        String requestId,
        String instanceId,
        String openingTime,
        String internetChargeType,
        String changingChargeType,
        String changingAffectTime,
        List<String> operationLocks,
        boolean locksKnown) {

    public ServiceStatus {
        operationLocks = operationLocks == null ? List.of() : List.copyOf(operationLocks);
    }

    /** An answer that carried its OperationLocks field ({@code locksKnown} true). */
    public ServiceStatus(String requestId, String instanceId, String openingTime, String internetChargeType,
                         String changingChargeType, String changingAffectTime, List<String> operationLocks) {
        this(requestId, instanceId, openingTime, internetChargeType, changingChargeType, changingAffectTime,
                operationLocks, true);
    }

    public boolean locked() {
        return !operationLocks.isEmpty();
    }
}
