package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;

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
 * @param forecast          how long the counted data-transfer plans last (and the gate's thresholds); null for
 *                          ensure-active and when there is no plan data
 * @param credentialSource  human name of where the AccessKey came from; null when unknown
 */
public record Report(String gate, Verdict verdict, String reason, List<Finding> findings, String accessKeyId,
                     Mode mode, ServiceStatus service, List<ResourcePlan> plans, Long remainingBytes,
                     Long remainingRequests, boolean activated, QuotaForecast forecast,
                     String credentialSource) {
    public Report {
        findings = findings == null ? List.of() : List.copyOf(findings);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** The report without forecast and credential source. */
    public Report(String gate, Verdict verdict, String reason, List<Finding> findings, String accessKeyId,
                  Mode mode, ServiceStatus service, List<ResourcePlan> plans, Long remainingBytes,
                  Long remainingRequests, boolean activated) {
        this(gate, verdict, reason, findings, accessKeyId, mode, service, plans, remainingBytes, remainingRequests,
                activated, null, null);
    }
}
