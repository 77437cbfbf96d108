// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.FreeStyleBuild
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import java.io.IOException;

public class FreeStyleBuild extends Build<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleBuild(FreeStyleProject project) throws IOException {
        super(project);
    }
}
