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

    /**
     * What else lowered the verdict: the FAIL and UNSTABLE findings other than the one the reason quotes (and warn
     * mode's own note), in report order. A summary that shows only the reason must still name these: a second FAIL
     * (too few requests after too little data transfer) is as much a reason to stop as the first.
     */
    public List<Finding> otherProblems() {
        List<Finding> others = new java.util.ArrayList<>();
        boolean quoted = false;
        for (Finding f : findings) {
            if (f.verdict() == Verdict.PASS || ReportBuilder.WARN_MODE_NOTE.equals(f.message())) {
                continue;
            }
            if (!quoted && reason != null && reason.endsWith(ReportBuilder.withCode(f))) {
                quoted = true;
                continue;
            }
            others.add(f);
        }
        return others;
    }

    /** The report without forecast and credential source. */
    public Report(String gate, Verdict verdict, String reason, List<Finding> findings, String accessKeyId,
                  Mode mode, ServiceStatus service, List<ResourcePlan> plans, Long remainingBytes,
                  Long remainingRequests, boolean activated) {
        this(gate, verdict, reason, findings, accessKeyId, mode, service, plans, remainingBytes, remainingRequests,
                activated, null, null);
    }
}
