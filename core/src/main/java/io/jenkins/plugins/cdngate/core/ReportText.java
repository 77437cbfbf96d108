package io.jenkins.plugins.cdngate.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The human form of a {@link Report}: build-log lines, each starting {@value #PREFIX}, sizes as
 * {@code 500.0 GiB (536870912000 bytes)}, the AccessKey ID masked, no secret.
 */
public final class ReportText {
    public static final String PREFIX = "[CDN Gate] ";

    private ReportText() {
    }

    public static List<String> lines(Report r) {
        List<String> out = new ArrayList<>();
        out.add(PREFIX + r.gate() + " with AccessKey " + r.accessKeyId()
                + (r.mode() == Mode.WARN ? " (mode warn)" : ""));
        ServiceStatus s = r.service();
        if (s != null) {
            out.add(PREFIX + "Service: charge type " + or(s.internetChargeType()) + ", opened " + or(s.openingTime())
                    + ", locks " + (s.locked() ? String.join(", ", s.operationLocks()) : "none")
                    + (s.changingChargeType() == null || s.changingChargeType().isBlank() ? ""
                    : ", next charge type " + s.changingChargeType()
                    + (s.changingAffectTime() == null ? "" : " from " + s.changingAffectTime())));
        }
        for (ResourcePlan p : r.plans()) {
            StringBuilder line = new StringBuilder(PREFIX).append("Plan ").append(RequireQuota.planName(p))
                    .append(" [").append(or(p.commodityCode())).append(", ").append(p.unit() == null ? "UNKNOWN" : p.unit())
                    .append(", ").append(or(p.status())).append("]: ")
                    .append(RequireQuota.amount(p.unit(), p.remaining())).append(" left of ")
                    .append(RequireQuota.amount(p.unit(), p.total()))
                    .append(", ").append(or(p.startTime())).append(" to ").append(or(p.endTime()))
                    .append(p.counted() ? ", counted" : "");
            if (p.note() != null) {
                line.append(" (").append(p.note()).append(')');
            }
            out.add(line.toString());
        }
        for (Finding f : r.findings()) {
            StringBuilder line = new StringBuilder(PREFIX).append(f.verdict()).append(": ").append(f.message());
            if (f.errorCode() != null) {
                line.append(" [Code ").append(f.errorCode()).append(", RequestId ")
                        .append(f.requestId() == null ? "none" : f.requestId()).append(']');
            } else if (f.requestId() != null) {
                line.append(" [RequestId ").append(f.requestId()).append(']');
            }
            out.add(line.toString());
        }
        if (r.remainingBytes() != null) {
            out.add(PREFIX + "Remaining data transfer: " + Sizes.human(r.remainingBytes()));
        }
        if (r.remainingRequests() != null) {
            out.add(PREFIX + "Remaining requests: " + r.remainingRequests());
        }
        if (r.activated()) {
            out.add(PREFIX + "CDN was activated by this run.");
        }
        out.add(PREFIX + "Verdict: " + r.verdict() + " - " + r.reason());
        return out;
    }

    private static String or(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
