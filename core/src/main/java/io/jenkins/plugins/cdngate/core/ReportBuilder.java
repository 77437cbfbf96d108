package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import java.util.ArrayList;
import java.util.List;

/** Collects findings and facts for one gate run and turns them into a {@link Report}, applying {@link Mode#WARN}. */
public final class ReportBuilder {
    private final String gate;
    private final Mode mode;
    private final String maskedId;
    private final AccessKey key;
    private final List<Finding> findings = new ArrayList<>();
    ServiceStatus service;
    List<ResourcePlan> plans = List.of();
    Long remainingBytes;
    Long remainingRequests;
    boolean activated;
    QuotaForecast forecast;
    String credentialSource;

    ReportBuilder(String gate, Mode mode, AccessKey key) {
        this.gate = gate;
        this.mode = mode == null ? Mode.ENFORCE : mode;
        this.maskedId = key == null ? "****" : key.maskedId();
        this.key = key;
        this.credentialSource = key == null ? null : key.source();
    }

    /**
     * The report of a gate that stopped before any CDN call because it had no usable credentials (core.credentials'
     * CredentialFailure): one FAIL finding, softened by {@link Mode#WARN} like every configuration error.
     *
     * @param key    the key that was used to reach STS (masked in the report, its source the report's), or null
     * @param source the credential source that failed, used when there is no key, or null
     */
    public static Report failedBeforeAnyCall(String gate, Mode mode, AccessKey key, String source, String message,
                                             String code, String requestId) {
        ReportBuilder b = new ReportBuilder(gate, mode, key);
        if (key == null && source != null) {
            b.credentialSource = Text.oneLine(source);
        }
        String text = message == null ? "" : message;
        if (key != null) {
            // not Redactor.clean: it shortens to 400 characters, and these lines carry the role, the STS message and the fix
            text = text.replace(key.secret(), "****");
            if (key.securityToken() != null) {
                text = text.replace(key.securityToken(), "****");
            }
        }
        b.findings.add(new Finding(Verdict.FAIL, Text.oneLine(text), Text.oneLine(code), Text.oneLine(requestId)));
        return b.build(null);
    }

    /** A gate's evaluation: the PASS reason, or null when its findings decide the verdict. */
    interface Evaluation {
        String evaluate() throws InterruptedException;
    }

    /**
     * Runs a gate's evaluation and builds its report, failing closed: bad configuration and anything
     * unexpected become a FAIL finding (never an exception for the front end, never PASS); only an interrupt
     * (an aborted build) propagates.
     */
    Report buildFailingClosed(Evaluation evaluation) throws InterruptedException {
        try {
            return build(evaluation.evaluate());
        } catch (InterruptedException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            add(Verdict.FAIL, "Configuration error: " + Redactor.clean(e.getMessage(), key));
            return build(null);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            add(Verdict.FAIL, "Unexpected failure inside CDN Gate (" + e.getClass().getSimpleName() + ": "
                    + Redactor.clean(e.getMessage(), key) + "); the gate fails closed.");
            return build(null);
        }
    }

    /*
     * Every message is made one line here (Text.oneLine): messages quote Alibaba's plan names, lock reasons, codes and
     * error messages, and front ends print Finding.message() and Report.reason() straight into build logs.
     */
    void add(Verdict verdict, String message) {
        findings.add(Finding.of(verdict, Text.oneLine(message)));
    }

    void add(Verdict verdict, String message, String requestId) {
        findings.add(new Finding(verdict, Text.oneLine(message), null, Text.oneLine(requestId)));
    }

    /** A finding from a failed call: what failed, Alibaba's code and message, and the catalog's sentence. */
    void failure(CdnCallException e, Verdict verdict, String lead) {
        failure(e, verdict, lead, null);
    }

    /** Like {@link #failure(CdnCallException, Verdict, String)} with advice of the gate's own instead of the catalog's. */
    void failure(CdnCallException e, Verdict verdict, String lead, String advice) {
        findings.add(new Finding(verdict, Text.oneLine(describe(e, lead, advice)), Text.oneLine(e.code()),
                Text.oneLine(e.requestId())));
    }

    static String describe(CdnCallException e, String lead) {
        return describe(e, lead, null);
    }

    static String describe(CdnCallException e, String lead, String ownAdvice) {
        StringBuilder m = new StringBuilder();
        if (lead != null && !lead.isBlank()) {
            m.append(lead).append(": ");
        }
        m.append(e.action()).append(" failed with ");
        if (ErrorCatalog.NULL_CODE.equals(e.code())) {
            // The SDK's "(null)" code: the error answer was not JSON (an HTML page from a proxy or load balancer).
            m.append("no error code (").append(e.httpStatus() > 0 ? "HTTP " + e.httpStatus() + ", " : "")
                    .append("the answer was not JSON)");
        } else {
            m.append(e.code());
            if (e.httpStatus() > 0) {
                m.append(" (HTTP ").append(e.httpStatus()).append(')');
            }
        }
        if (e.errorMessage() != null && !e.errorMessage().isBlank()) {
            m.append(": ").append(stripDot(e.errorMessage()));
        }
        String advice = ownAdvice != null ? ownAdvice : e.entry().adviceFor(e.action());
        if (e.budgetSpent() != null) {
            // The total time budget cut the retries (or the attempt) short: say so and name that setting, not the
            // last attempt's (e.g. the read timeout), which would not help.
            int n = Math.max(1, e.attempts());
            m.append("; the total time budget of ").append(seconds(e.budgetSpent())).append(" ran out after ")
                    .append(n).append(n == 1 ? " attempt" : " attempts");
            if (ownAdvice == null && e.entry().category() != ErrorCatalog.Category.THROTTLED) {
                advice = "Check the network path from the build agent to the endpoint, or raise "
                        + ErrorCatalog.DEADLINE + " so that more attempts fit.";
            } else if (ownAdvice == null) {
                advice = advice + " Or raise " + ErrorCatalog.DEADLINE + " so that more attempts fit.";
            }
        } else if (e.attempts() > 1) {
            m.append(" (after ").append(e.attempts()).append(" attempts)");
        }
        m.append(". ").append(e.requestId() == null ? withoutRequestId(advice) : advice);
        return m.toString();
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Advice that asks for the RequestId makes no sense when the answer had none (a transport failure). */
    static String withoutRequestId(String advice) {
        return advice.replace(" with the RequestId", "").replace("report the RequestId", "report it");
    }

    private static String stripDot(String s) {
        String t = s.trim();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** The finding warn mode adds to a report it turned from FAIL into UNSTABLE. */
    static final String WARN_MODE_NOTE = "Mode warn: this gate would have failed; reported as UNSTABLE instead of FAIL.";

    Report build(String passReason) {
        Verdict verdict = Verdict.PASS;
        for (Finding f : findings) {
            verdict = verdict.worst(f.verdict());
        }
        String reason = Text.oneLine(passReason);
        if (verdict != Verdict.PASS) {
            for (Finding f : findings) {
                if (f.verdict() == verdict) {
                    reason = withCode(f);
                    break;
                }
            }
        }
        List<Finding> out = new ArrayList<>(findings);
        if (mode == Mode.WARN && verdict == Verdict.FAIL) {
            out.replaceAll(f -> f.verdict() == Verdict.FAIL
                    ? new Finding(Verdict.UNSTABLE, f.message(), f.errorCode(), f.requestId()) : f);
            out.add(Finding.of(Verdict.UNSTABLE, WARN_MODE_NOTE));
            verdict = Verdict.UNSTABLE;
            reason = "warn mode, FAIL reported as UNSTABLE: " + reason;
        }
        return new Report(gate, verdict, reason, out, maskedId, mode, service, plans, remainingBytes,
                remainingRequests, activated, forecast, credentialSource);
    }

    /** The finding's message with its Alibaba Code and RequestId, when it came from an error (no RequestId, none shown). */
    static String withCode(Finding f) {
        if (f.errorCode() == null) {
            return f.message();
        }
        return f.message() + " [" + ReportText.codeLabel(f.errorCode())
                + (f.requestId() == null ? "" : ", RequestId " + f.requestId()) + "]";
    }
}
