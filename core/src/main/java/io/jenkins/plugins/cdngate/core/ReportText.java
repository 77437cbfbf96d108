package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
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

    /**
     * A gate's first line: {@code [CDN Gate] <gate> with AccessKey LTAI****0001 from <source>}, the source left out
     * when unknown; front ends print it before the gate runs, and {@link #lines} starts with the same line.
     *
     * @param maskedId the AccessKey ID, already masked
     */
    public static String startLine(String gate, String maskedId, String source, Mode mode) {
        return PREFIX + gate + " with AccessKey " + maskedId
                + (source == null || source.isBlank() ? "" : " from " + Text.oneLine(source))
                + (mode == Mode.WARN ? " (mode warn)" : "");
    }

    /**
     * The report as lines, in reading order: the header, the plans seen, the findings as they happened, then the
     * facts that hold at the end (the service state, what remains) and the verdict.
     *
     * <p>A {@link Verdict#PASS} finding is an observation ("CDN is not activated yet; activating it"), not a
     * success claim, so it is shown without a tag; only findings that lower the verdict carry {@code UNSTABLE:} or
     * {@code FAIL:}. The service line follows the findings because it is the state the gate ended with: after an
     * activation it is labelled so, as it was read after the "not activated" finding above it.
     *
     * <p>Every line is one line: control characters and Unicode line separators in any field are escaped
     * ({@link Text#oneLine}).
     */
    public static List<String> lines(Report r) {
        List<String> out = new ArrayList<>();
        out.add(startLine(r.gate(), r.accessKeyId(), r.credentialSource(), r.mode()));
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
            StringBuilder line = new StringBuilder(PREFIX);
            if (f.verdict() != null && f.verdict() != Verdict.PASS) {
                line.append(f.verdict()).append(": ");
            }
            line.append(f.message());
            if (f.errorCode() != null) {
                line.append(" [").append(codeLabel(f.errorCode()))
                        .append(f.requestId() == null ? "" : ", RequestId " + f.requestId()).append(']');
            } else if (f.requestId() != null) {
                line.append(" [RequestId ").append(f.requestId()).append(']');
            }
            out.add(line.toString());
        }
        ServiceStatus s = r.service();
        if (s != null) {
            out.add(PREFIX + (r.activated() ? "Service after activation: " : "Service: ") + "charge type "
                    + or(s.internetChargeType()) + ", opened " + or(s.openingTime())
                    + ", locks " + (s.locked() ? String.join(", ", s.operationLocks().stream().map(EnsureActive::lockName).toList())
                    : s.locksKnown() ? "none" : "unknown (the answer had no OperationLocks field)")
                    + (s.changingChargeType() == null || s.changingChargeType().isBlank() ? ""
                    : ", next charge type " + s.changingChargeType()
                    + (s.changingAffectTime() == null ? "" : " from " + s.changingAffectTime())));
        }
        if (r.remainingBytes() != null) {
            out.add(PREFIX + "Remaining data transfer: " + Sizes.human(r.remainingBytes()));
        }
        if (r.remainingRequests() != null) {
            out.add(PREFIX + "Remaining requests: " + Counts.format(r.remainingRequests()));
        }
        if (r.forecast() != null) {
            for (String line : ForecastText.lines(r.forecast(), r.plans())) {
                out.add(PREFIX + line);
            }
        }
        if (r.activated()) {
            out.add(PREFIX + "CDN was activated by this run.");
        }
        out.add(PREFIX + "Verdict: " + r.verdict() + verdictReason(r));
        // Last, over every line: whatever Alibaba or a Report built elsewhere put in a field, no line break or control
        // character reaches the log, so nothing can print a line that looks like ours (Text.oneLine).
        out.replaceAll(Text::oneLine);
        return out;
    }

    /**
     * The reason after the verdict, unless it is word for word a finding printed just above (the usual FAIL: the
     * first finding of the worst verdict, often a few hundred characters with code and advice); then the verdict line
     * points at it instead of printing it twice. The JSON form and {@link Report#reason()} always hold it in full.
     */
    private static String verdictReason(Report r) {
        if (r.verdict() != Verdict.PASS && r.reason() != null) {
            long same = r.findings().stream().filter(f -> f.verdict() == r.verdict()).count();
            for (Finding f : r.findings()) {
                if (f.verdict() == r.verdict()) {
                    if (ReportBuilder.withCode(f).equals(r.reason())) {
                        return " (" + (same == 1 ? "the " : "the first ") + r.verdict() + " line above says why)";
                    }
                    break;
                }
            }
        }
        return " - " + r.reason();
    }

    /**
     * {@code Code X}, or {@code no error code} for {@link ErrorCatalog#NULL_CODE}: {@code (null)} is how the SDK and
     * the catalog name an error answer that was not JSON, which means nothing to a reader.
     */
    static String codeLabel(String code) {
        return ErrorCatalog.NULL_CODE.equals(code) ? "no error code" : "Code " + code;
    }

    private static String or(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
