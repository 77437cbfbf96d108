package io.jenkins.plugins.cdngate.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.cdngate.core.forecast.DrainStep;
import io.jenkins.plugins.cdngate.core.forecast.Forecaster;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.core.picture.TrendPicture;
import io.jenkins.plugins.cdngate.core.picture.TrendPoint;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job page's trend ({@code jobMain.jelly}): the remaining data transfer each of the job's recent builds read,
 * one point per build, and the projected run-out date of the newest one, drawn by core as SVG and served by
 * {@link #doPicture}. Computed from what the builds stored (no stored state of its own); builds without a gate,
 * or from before this plugin recorded gates, are simply not points.
 */
public final class CdnGateJobAction implements Action {
    /** How many of the newest builds the trend looks at: enough for a trend, bounded so the job page stays quick. */
    static final int MAX_BUILDS = 50;
    /** How many earlier builds a gate reads for its history (those within {@link Forecaster#HISTORY_WINDOW}). */
    static final int MAX_HISTORY_BUILDS = 200;

    private final Job<?, ?> job;
    private transient List<BuildPoint> points;

    CdnGateJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** No sidebar link: the trend shows on the job page itself. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "CDN Gate trend";
    }

    @Override
    public String getUrlName() {
        return "cdn-gate-trend";
    }

    /** One build's point: its last require-quota call with a verified reading. */
    record BuildPoint(Run<?, ?> run, GateCall call) {
    }

    /** Oldest first; read once per page (the action is made afresh for each request). */
    synchronized List<BuildPoint> buildPoints() {
        if (points == null) {
            points = readPoints();
        }
        return points;
    }

    private List<BuildPoint> readPoints() {
        List<BuildPoint> found = new ArrayList<>();
        Run<?, ?> r = job.getLastBuild();
        for (int seen = 0; r != null && seen < MAX_BUILDS; seen++, r = r.getPreviousBuild()) {
            CdnGateRunAction action = r.getAction(CdnGateRunAction.class);
            if (action == null) {
                continue;
            }
            GateCall last = null;
            for (GateCall c : action.getCalls()) {
                if (c.reading() != null) {
                    last = c;
                }
            }
            if (last != null) {
                found.add(new BuildPoint(r, last));
            }
        }
        Collections.reverse(found);
        return found;
    }

    public List<TrendPoint> getPoints() {
        List<TrendPoint> out = new ArrayList<>();
        for (BuildPoint p : buildPoints()) {
            Reading reading = p.call().reading();
            out.add(new TrendPoint("#" + p.run().getNumber(), reading.at(), reading.remainingBytes(),
                    p.call().getVerdict()));
        }
        return out;
    }

    public boolean isShown() {
        return !buildPoints().isEmpty();
    }

    /** The newest point's call: its projected run-out date is the trend's. */
    public GateCall getNewest() {
        List<BuildPoint> points = buildPoints();
        return points.isEmpty() ? null : points.get(points.size() - 1).call();
    }

    /** The build number of the newest point, for the page's wording. */
    public Integer getNewestBuildNumber() {
        List<BuildPoint> points = buildPoints();
        return points.isEmpty() ? null : points.get(points.size() - 1).run().getNumber();
    }

    /** {@code .../cdn-gate-trend/picture}: the trend, drawn by core. */
    public void doPicture(StaplerResponse2 rsp) throws IOException {
        GateCall newest = getNewest();
        if (newest == null) {
            rsp.sendError(404, "No build of this job has recorded a CDN Gate reading");
            return;
        }
        // the newest build's drain is the projection; a build stored before drains were kept has its run-out date only
        List<DrainStep> drain = newest.drainPath();
        CdnGateRunAction.Svg.send(rsp, drain.isEmpty() ? TrendPicture.svg(getPoints(), newest.getPoolRunOutAt())
                : TrendPicture.svg(getPoints(), drain, "build"));
    }

    /**
     * The readings earlier builds of {@code run}'s job took of the same pool ({@code poolKey}) within
     * {@link Forecaster#HISTORY_WINDOW} before {@code now}: the history a gate's pace is computed from.
     */
    static List<Reading> history(Run<?, ?> run, String poolKey, Instant now) {
        List<Reading> readings = new ArrayList<>();
        Instant since = now.minus(Forecaster.HISTORY_WINDOW);
        Run<?, ?> r = run.getPreviousBuild();
        for (int seen = 0; r != null && seen < MAX_HISTORY_BUILDS; seen++, r = r.getPreviousBuild()) {
            if (Instant.ofEpochMilli(r.getTimeInMillis()).isBefore(since)) {
                break; // builds are in start order: every earlier one started before the window too
            }
            CdnGateRunAction action = r.getAction(CdnGateRunAction.class);
            if (action == null) {
                continue;
            }
            for (GateCall c : action.getCalls()) {
                Reading reading = c.reading();
                if (reading != null && poolKey.equals(c.getPoolKey()) && !reading.at().isBefore(since)) {
                    readings.add(reading);
                }
            }
        }
        return readings;
    }

    /** Every job gets the action; it shows nothing until a build recorded a reading. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            return List.of(new CdnGateJobAction(target));
        }
    }
}
