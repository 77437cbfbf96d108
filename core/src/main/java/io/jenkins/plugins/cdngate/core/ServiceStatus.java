package io.jenkins.plugins.cdngate.core;

import java.util.List;

/**
 * Every field DescribeCdnService documents. Absent fields are null; {@code operationLocks}
 * is never null (empty when there are none).
 */
public record ServiceStatus(
        String requestId,
        String instanceId,
        String openingTime,
        String internetChargeType,
        String changingChargeType,
        String changingAffectTime,
        List<String> operationLocks) {

    public ServiceStatus {
        operationLocks = operationLocks == null ? List.of() : List.copyOf(operationLocks);
    }

    public boolean locked() {
        return !operationLocks.isEmpty();
    }
}
