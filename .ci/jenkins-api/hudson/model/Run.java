// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Run
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import hudson.ExtensionPoint;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint {
    protected Run(JobT job) throws IOException {
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }
}
