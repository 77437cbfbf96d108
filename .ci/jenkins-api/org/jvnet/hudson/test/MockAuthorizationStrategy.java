// Signature mirror of org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 — org.jvnet.hudson.test.MockAuthorizationStrategy
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jvnet.hudson.test;

import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {
    }

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public class Grant {
        private Grant() {
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("signature mirror");
        }

        public class GrantOn {
            private GrantOn() {
            }

            public MockAuthorizationStrategy toEveryone() {
                throw new UnsupportedOperationException("signature mirror");
            }
        }
    }
}
