// Signature mirror of org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 — org.jvnet.hudson.test.BuildWatcher
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jvnet.hudson.test;

import org.junit.rules.ExternalResource;

public final class BuildWatcher extends ExternalResource {
}
