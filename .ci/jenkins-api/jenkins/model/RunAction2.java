// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — jenkins.model.RunAction2
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
