// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Action
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
