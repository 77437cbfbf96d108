// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — jenkins.tasks.SimpleBuildStep
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package jenkins.tasks;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

public interface SimpleBuildStep extends BuildStep {
    default void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("signature mirror");
    }

    default boolean requiresWorkspace() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
