// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.AbstractProject
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import jenkins.model.ParameterizedJobMixIn;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements BuildableItem, ParameterizedJobMixIn.ParameterizedJob<P, R> {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
