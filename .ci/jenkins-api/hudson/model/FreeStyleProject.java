// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.FreeStyleProject
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

public class FreeStyleProject extends Project<FreeStyleProject, FreeStyleBuild> implements TopLevelItem {
    public FreeStyleProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
