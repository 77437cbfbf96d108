// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.Launcher
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
// Only the type is used here, as a parameter type.
package hudson;

public abstract class Launcher {
    private Launcher() {
    }
}
