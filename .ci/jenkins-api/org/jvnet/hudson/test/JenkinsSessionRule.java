// Signature mirror of org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 — org.jvnet.hudson.test.JenkinsSessionRule
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
// Upstream implements JUnit's TestRule (apply), as the JenkinsRule mirror, not declared here.
package org.jvnet.hudson.test;

import java.io.File;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

public class JenkinsSessionRule {
    public File getHome() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @FunctionalInterface
    public interface Step extends JenkinsSessionFixture.Step {
    }

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("signature mirror");
    }
}
