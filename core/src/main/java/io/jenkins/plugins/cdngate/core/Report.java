package io.jenkins.plugins.cdngate.core;

import java.util.List;

/**
 * What a gate concluded, for any front end to render.
 *
 * @param gate              {@code ensure-active} or {@code require-quota}
 * @param verdict           the final verdict (after {@link Mode#WARN} softening)
 * @param reason            one line a person can act on: why the verdict is what it is
 * @param findings          every observation, one line each, worst first is not required
 * @param accessKeyId       the AccessKey ID, masked
 * @param service           the DescribeCdnService facts, or null when they could not be read
 * @param plans             every plan seen (counted or not); empty for ensure-active
 * @param remainingBytes    data transfer left in counted plans; null for ensure-active or when unknown
 * @param remainingRequests requests left in counted plans; null when not asked or unknown
 * @param activated         true when this gate run opened the service
 */
public record Report(String gate, Verdict verdict, String reason, List<Finding> findings, String accessKeyId,
                     Mode mode, ServiceStatus service, List<ResourcePlan> plans, Long remainingBytes,
                     Long remainingRequests, boolean activated) {
    public Report {
        findings = findings == null ? List.of() : List.copyOf(findings);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }
}
