package io.jenkins.plugins.cdngate.core;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The ensure-active gate: CDN is activated on the account (activating it when allowed) and not locked.
 *
 * <ol>
 *   <li>DescribeCdnService. Success means active. {@code CdnServiceNotFound} (403) means not activated;
 *       {@code OperationDenied} (403) means not activated or a locked account/service (reference section 6), so
 *       Alibaba's message is quoted rather than a claim made. Any other error: the catalog's verdict (FAIL).</li>
 *   <li>Not activated and activation not allowed: FAIL. Allowed: OpenCdnService with the chosen charge type,
 *       then DescribeCdnService again to confirm. After an OpenCdnService that succeeded (2xx) in this run, a
 *       confirming describe that still says not activated is repeated a few times within the deadline, because
 *       activation is eventually consistent (Terraform polls up to 4 minutes, reference 5.1 / 6). After
 *       {@code CdnService.HasOpened} nothing was activated now: one confirming describe, and a denial or
 *       not-activated answer to it is FAIL at once.</li>
 *   <li>Operation locks (compared case-insensitively, {@code financial} / {@code Financial}): FAIL, or UNSTABLE
 *       with {@link LockPolicy#UNSTABLE}. An answer without OperationLocks cannot prove there is no lock: UNSTABLE.</li>
 *   <li>An expected charge type that differs from the current one: UNSTABLE. A pending charge-type change
 *       (ChangingChargeType differing from InternetChargeType) is reported: UNSTABLE, unless it switches to the
 *       expected charge type.</li>
 * </ol>
 * {@link Mode#WARN} turns FAIL into UNSTABLE. Every failure is a FAIL report; only an interrupt escapes.
 */
public final class EnsureActive {
    public static final String GATE = "ensure-active";

    /** Waits between confirming describes after activation; package-private so tests can shorten them. */
    static volatile long[] confirmDelaysMillis = {500, 1000, 2000, 4000, 8000};

    private EnsureActive() {
    }

    /**
     * Runs the gate.
     *
     * @throws InterruptedException when the calling thread is interrupted (an aborted build): a
     *         {@link GateInterruptedException} whose message says whether an activation request was sent with its
     *         outcome unknown (print it with {@link Interruptions#message})
     */
    public static Report run(EnsureActiveRequest request) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the build was aborted before the gate ran");
        }
        ReportBuilder report = new ReportBuilder(GATE, request.mode(), request.accessKey());
        long deadline = Deadlines.start(request.connection());
        State state = new State();
        try {
            return report.buildFailingClosed(() -> evaluate(request, report, deadline, state));
        } catch (InterruptedException e) {
            // Activation cannot be undone: an abort while OpenCdnService is on the wire must say so (issue 8 item 3).
            CdnClient client = state.client;
            throw Interruptions.interrupted(client != null && client.openMaybeSent() && !state.openAnswered,
                    report.activated, e);
        }
    }

    /** What an interrupt needs to know: the client (has it sent OpenCdnService?) and whether its answer came back. */
    private static final class State {
        volatile CdnClient client;
        volatile boolean openAnswered;
    }

    private static String evaluate(EnsureActiveRequest request, ReportBuilder report, long deadline, State state)
            throws InterruptedException {
        CdnClient client = CdnClient.create(request.accessKey(), request.connection());
        state.client = client;
        ResponseParser.ServiceAnswer answer;
        try {
            answer = client.describeService(deadline);
        } catch (CdnCallException e) {
            if (e.entry().category() != ErrorCatalog.Category.NOT_ACTIVATED) {
                report.failure(e, e.entry().verdict(), "Could not read the CDN service status");
                return null;
            }
            if (!request.activate()) {
                if (denied(e)) {
                    // OperationDenied is also Alibaba's answer for a locked account: quote it, assert nothing.
                    report.failure(e, Verdict.FAIL, "DescribeCdnService denied this AccessKey the service status and"
                            + " activation is turned off (OperationDenied means CDN is not activated, or the account or"
                            + " service is locked; Alibaba's message says which)");
                } else {
                    report.failure(e, Verdict.FAIL, "CDN is not activated on this account and activation is turned off");
                }
                return null;
            }
            if (denied(e)) {
                // OperationDenied may be a lock, not "not activated": say what was answered, assert nothing yet
                report.add(Verdict.PASS, "DescribeCdnService answered OperationDenied ("
                        + Text.oneLine(e.errorMessage() == null ? "no message" : e.errorMessage().strip())
                        + "): CDN may not be activated, or the account or service is locked; trying OpenCdnService with"
                        + " charge type " + request.chargeType() + " to tell which.", e.requestId());
            } else {
                report.add(Verdict.PASS, "CDN is not activated yet (" + e.code() + "); activating it with charge type "
                        + request.chargeType() + ".", e.requestId());
            }
            answer = activate(client, request, report, deadline, state);
            if (answer == null) {
                return null;
            }
        }
        return judge(answer, request, report);
    }

    /** Advice when OpenCdnService says the service is already opened but DescribeCdnService denies the key. */
    static final String DENIED_AFTER_HAS_OPENED = "Nothing was activated by this run. Check, in the Alibaba Cloud"
            + " console, for locks on the account and on the CDN service (security, overdue payment), the RAM policy of"
            + " this AccessKey (cdn:DescribeCdnService), and the account state; contact Alibaba Cloud support when the"
            + " account is locked for security reasons.";

    /** Whether a not-activated answer is the ambiguous {@code OperationDenied} rather than {@code CdnServiceNotFound}. */
    static boolean denied(CdnCallException e) {
        return "OperationDenied".equalsIgnoreCase(e.code() == null ? "" : e.code().trim());
    }

    /**
     * OpenCdnService, then confirm with DescribeCdnService; null when it did not work (findings added). Only an
     * OpenCdnService that succeeded (2xx) in this run is followed by the propagation wait: after
     * {@code CdnService.HasOpened} nothing was activated now, so there is nothing to wait for, and a Describe that
     * still answers not activated or {@code OperationDenied} is a FAIL at once.
     */
    private static ResponseParser.ServiceAnswer activate(CdnClient client, EnsureActiveRequest request,
                                                         ReportBuilder report, long deadline, State state)
            throws InterruptedException {
        boolean openedNow;
        try {
            String requestId = client.openService(request.chargeType(), deadline);
            state.openAnswered = true;
            report.activated = true;
            openedNow = true;
            report.add(Verdict.PASS, "Activated CDN with charge type " + request.chargeType()
                    + " (activation is permanent; it cannot be undone).", requestId);
        } catch (CdnCallException e) {
            state.openAnswered = true;
            if (e.entry().category() != ErrorCatalog.Category.ALREADY_ACTIVE) {
                report.failure(e, e.entry().verdict(), "Could not activate CDN");
                return null;
            }
            openedNow = false;
            report.add(Verdict.PASS, "OpenCdnService says CDN is already activated (" + e.code() + ").", e.requestId());
        }
        CdnCallException last = null;
        long[] delays = openedNow ? confirmDelaysMillis : new long[0];
        for (int check = 0; check <= delays.length; check++) {
            try {
                return client.describeService(deadline);
            } catch (CdnCallException e) {
                last = e;
                if (e.entry().category() != ErrorCatalog.Category.NOT_ACTIVATED || check == delays.length) {
                    break;
                }
                long sleep = TimeUnit.MILLISECONDS.toNanos(delays[check]);
                if (System.nanoTime() + sleep >= deadline) {
                    break;
                }
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        if (last.entry().category() != ErrorCatalog.Category.NOT_ACTIVATED) {
            report.failure(last, last.entry().verdict(), "Could not confirm the activation");
        } else if (!openedNow && denied(last)) {
            report.failure(last, Verdict.FAIL, "OpenCdnService says CDN is already opened, but DescribeCdnService"
                    + " denies this AccessKey the service status", DENIED_AFTER_HAS_OPENED);
        } else if (!openedNow) {
            report.failure(last, Verdict.FAIL, "OpenCdnService says CDN is already opened, but DescribeCdnService"
                    + " says it is not activated", "Nothing was activated by this run; the two answers contradict each"
                    + " other: check the CDN service state of the account in the Alibaba Cloud console.");
        } else {
            report.failure(last, Verdict.FAIL, "CDN was activated but DescribeCdnService still reports it not activated"
                    + " (activation can take a few minutes to show); run the gate again shortly");
        }
        return null;
    }

    static String judge(ResponseParser.ServiceAnswer answer, EnsureActiveRequest request, ReportBuilder report) {
        ServiceStatus s = answer.status();
        report.service = s;
        String rid = s.requestId();
        if (s.openingTime() == null || s.openingTime().isBlank()) {
            // Terraform's provider takes "opened" to mean a non-empty OpeningTime (reference 5.1): without one the
            // answer does not prove activation, so it cannot PASS.
            report.add(Verdict.UNSTABLE, "DescribeCdnService answered without an OpeningTime, so activation could not be"
                    + " verified; check the CDN service in the console.", rid);
        } else {
            report.add(Verdict.PASS, "CDN is active: charge type " + orUnknown(s.internetChargeType()) + ", opened "
                    + s.openingTime() + (s.instanceId() == null ? "" : ", instance " + s.instanceId()) + ".", rid);
        }
        for (String note : answer.notes()) {
            if (note.contains("OperationLocks")) {
                report.add(Verdict.UNSTABLE, "Could not verify that the CDN service is unlocked: " + note
                        + "; check the service status in the console.", rid);
            } else {
                report.add(Verdict.PASS, "Note: " + note + ".", rid);
            }
        }
        Verdict lockVerdict = request.lockPolicy() == LockPolicy.UNSTABLE ? Verdict.UNSTABLE : Verdict.FAIL;
        for (String lock : s.operationLocks()) {
            report.add(lockVerdict, "CDN service is locked (" + lockName(lock) + "): " + lockAdvice(lock), rid);
        }
        String current = s.internetChargeType();
        String expected = request.expectedChargeType();
        if (expected != null && !expected.equalsIgnoreCase(current == null ? "" : current.trim())) {
            report.add(Verdict.UNSTABLE, "Charge type is " + orUnknown(current) + ", expected " + expected
                    + ": change the metering method in the CDN console (it takes effect the next day at 00:00 Beijing time).", rid);
        }
        String changing = s.changingChargeType();
        if (changing != null && !changing.isBlank() && !changing.trim().equalsIgnoreCase(current == null ? "" : current.trim())) {
            String when = s.changingAffectTime() == null || s.changingAffectTime().isBlank()
                    ? "at the next billing cycle" : "at " + s.changingAffectTime();
            boolean toExpected = expected != null && expected.equalsIgnoreCase(changing.trim());
            report.add(toExpected ? Verdict.PASS : Verdict.UNSTABLE, "Charge type change pending: "
                    + orUnknown(current) + " -> " + changing.trim() + " " + when
                    + (toExpected ? " (the expected charge type)." : "; check that it is intended."), rid);
        }
        if (report.activated) {
            return "CDN was activated now with charge type " + request.chargeType() + " and is not locked";
        }
        return "CDN is active (charge type " + orUnknown(current) + ", opened " + orUnknown(s.openingTime())
                + ") and not locked";
    }

    /** A lock reason for a person: trimmed, and {@code (unspecified)} when Alibaba sent it empty. */
    static String lockName(String lock) {
        return lock == null || lock.isBlank() ? "(unspecified)" : lock.trim();
    }

    static String lockAdvice(String lock) {
        String l = lockName(lock).toLowerCase(Locale.ROOT);
        if (l.equals("financial")) {
            return "overdue payment; top up the Alibaba Cloud account balance to lift the lock.";
        }
        if (l.equals("security")) {
            return "locked for security reasons; contact Alibaba Cloud support.";
        }
        return "check the account and the CDN service status in the Alibaba Cloud console, or contact support.";
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }

}
