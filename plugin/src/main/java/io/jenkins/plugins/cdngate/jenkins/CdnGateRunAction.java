package io.jenkins.plugins.cdngate.jenkins;

import hudson.model.Run;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.picture.QuotaPicture;
import io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The gates of one build: every gate call adds its {@link GateCall} here (one action per build, calls kept apart by
 * their ordinal and place), the build page shows a summary box per call ({@code summary.jelly}) and the "CDN Gate"
 * link opens them all ({@code index.jelly}). Pictures are drawn by core from the stored numbers and served by
 * {@link #doPicture} as {@code image/svg+xml}, so the pages embed them with {@code <img>} and carry no inline script
 * or style for Jenkins' Content-Security-Policy to block.
 */
public final class CdnGateRunAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(CdnGateRunAction.class.getName());

    /** Guards every change of any build's calls (gates in parallel branches of one build add calls together). */
    private static final Object LOCK = new Object();

    private List<GateCall> calls = new ArrayList<>();
    private transient Run<?, ?> run;

    /**
     * Adds the report of one gate call to the build and saves the build, so the call survives a restart.
     *
     * @return the stored call
     */
    static GateCall record(Run<?, ?> run, Report report, String place, String poolKey, Long minRequests) {
        GateCall call;
        synchronized (LOCK) {
            CdnGateRunAction action = run.getAction(CdnGateRunAction.class);
            if (action == null) {
                action = new CdnGateRunAction();
                run.addAction(action);
            }
            call = GateCall.of(action.callList().size() + 1, place, poolKey, report, Instant.now(), minRequests);
            action.callList().add(call);
        }
        try {
            run.save();
        } catch (IOException e) {
            // the build goes on with the gate's verdict; only the build page would miss the call after a restart
            LOGGER.log(Level.WARNING, "Alibaba Cloud CDN Gate: could not save " + run + " with its gate report", e);
        }
        return call;
    }

    private List<GateCall> callList() {
        if (calls == null) {
            calls = new ArrayList<>();
        }
        return calls;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** The calls in the order they ran. */
    public List<GateCall> getCalls() {
        synchronized (LOCK) {
            return List.copyOf(callList());
        }
    }

    @Override
    public String getIconFileName() {
        return "symbol-cloud";
    }

    @Override
    public String getDisplayName() {
        return "CDN Gate";
    }

    @Override
    public String getUrlName() {
        return "cdn-gate";
    }

    /** The call with that ordinal, or null. */
    public GateCall call(int ordinal) {
        for (GateCall c : getCalls()) {
            if (c.getOrdinal() == ordinal) {
                return c;
            }
        }
        return null;
    }

    /**
     * {@code .../cdn-gate/picture?call=N}: the picture of call N, drawn by core from what the build stored. Reading it
     * needs what reading the build needs (Stapler reaches this action through the build).
     */
    public void doPicture(@QueryParameter String call, StaplerResponse2 rsp) throws IOException {
        GateCall c = null;
        try {
            c = call == null ? null : call(Integer.parseInt(call.trim()));
        } catch (NumberFormatException e) {
            c = null;
        }
        QuotaSnapshot snapshot = c == null ? null : c.snapshot();
        if (snapshot == null) {
            rsp.sendError(404, "No such gate call with a picture");
            return;
        }
        Svg.send(rsp, QuotaPicture.svg(snapshot));
    }

    /** Serving core's SVG: its type, and headers that keep a browser from reading it as anything else. */
    static final class Svg {
        private Svg() {
        }

        static void send(StaplerResponse2 rsp, String svg) throws IOException {
            rsp.setContentType("image/svg+xml;charset=UTF-8");
            rsp.setHeader("X-Content-Type-Options", "nosniff");
            // the SVG has no script and no external reference; opened on its own, it may not run or load anything
            rsp.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            rsp.setHeader("Cache-Control", "private, max-age=60");
            PrintWriter w = rsp.getWriter();
            w.write(svg);
            w.flush();
        }
    }
}
