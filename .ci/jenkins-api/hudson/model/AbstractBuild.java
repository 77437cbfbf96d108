// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.AbstractBuild
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import java.io.IOException;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements Queue.Executable {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }
}
