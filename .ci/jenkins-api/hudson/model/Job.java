// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Job
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import hudson.ExtensionPoint;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
