// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Project
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import hudson.tasks.Builder;
import hudson.util.DescribableList;

public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {
    protected Project(ItemGroup parent, String name) {
        super(parent, name);
    }

    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
