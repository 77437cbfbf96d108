// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-cps:4356.ve007b_7ff2178 — org.jenkinsci.plugins.workflow.cps.Snippetizer
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.cps;

public class Snippetizer {
    public static String object2Groovy(Object o) throws UnsupportedOperationException {
        throw new UnsupportedOperationException("signature mirror");
    }
}
