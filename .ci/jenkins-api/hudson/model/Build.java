// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Build
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import java.io.IOException;

public abstract class Build<P extends Project<P, B>, B extends Build<P, B>> extends AbstractBuild<P, B> {
    protected Build(P project) throws IOException {
        super(project);
    }
}
